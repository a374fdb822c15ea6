package com.m4s.platform.imaging;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the EXIF orientation (tag 0x0112 of IFD0, 1..8) of a JPEG: how the camera held the picture. Decoders give the
 * pixels as stored, so the pipeline turns them as this says before it drops the metadata. Anything missing or
 * malformed counts as 1 (as stored).
 */
final class ExifOrientation {

    private ExifOrientation() {
    }

    static int of(byte[] jpeg) {
        try {
            int i = 2;
            while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
                int marker = jpeg[i + 1] & 0xFF;
                if (marker == 0xDA || marker == 0xD9) {
                    return 1; // image data starts: no EXIF before it
                }
                int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
                if (marker == 0xE1 && length >= 16 && startsWithExif(jpeg, i + 4)) {
                    return orientation(jpeg, i + 10, length - 8);
                }
                i += 2 + length;
            }
        } catch (RuntimeException e) {
            // a malformed segment: as stored
        }
        return 1;
    }

    private static boolean startsWithExif(byte[] b, int at) {
        return b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f' && b[at + 4] == 0
                && b[at + 5] == 0;
    }

    private static int orientation(byte[] b, int tiff, int length) {
        ByteBuffer buffer = ByteBuffer.wrap(b, tiff, length).slice();
        buffer.order(b[tiff] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = buffer.getInt(4);
        int entries = buffer.getShort(ifd) & 0xFFFF;
        for (int e = 0; e < entries; e++) {
            int entry = ifd + 2 + e * 12;
            if ((buffer.getShort(entry) & 0xFFFF) == 0x0112) {
                int value = buffer.getShort(entry + 8) & 0xFFFF;
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }
}
