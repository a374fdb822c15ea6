package com.m4s.platform.test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Pictures for tests, made as a phone camera makes them: a JPEG with an EXIF block holding the orientation, the
 * camera's make and a GPS position (Guangzhou), so a test can prove what the photo pipeline keeps and drops.
 */
public final class TestPhotos {

    /** The camera make written into the EXIF block: a test finds it in the upload and nowhere in what is kept. */
    public static final String CAMERA = "M4SPhoneCam";

    private TestPhotos() {
    }

    /**
     * A {@code width} × {@code height} JPEG as stored by the sensor (left half red, right half blue) with EXIF
     * orientation {@code orientation} (6: turn 90° clockwise to view), camera make and GPS latitude/longitude.
     */
    public static byte[] cameraJpeg(int width, int height, int orientation) {
        byte[] plain = encode(picture(width, height), "jpeg");
        byte[] app1 = exifSegment(orientation);
        byte[] out = new byte[plain.length + app1.length];
        out[0] = plain[0];
        out[1] = plain[1];
        System.arraycopy(app1, 0, out, 2, app1.length);
        System.arraycopy(plain, 2, out, 2 + app1.length, plain.length - 2);
        return out;
    }

    /** A PNG of the same two-colour picture, with transparency in its top rows. */
    public static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.drawImage(picture(width, height), 0, 0, null);
        g.setComposite(java.awt.AlphaComposite.Clear);
        g.fillRect(0, 0, width, Math.max(1, height / 10));
        g.dispose();
        return encode(image, "png");
    }

    /** The first bytes of an iPhone HEIC file. */
    public static byte[] heicHeader() {
        byte[] b = new byte[64];
        ByteBuffer.wrap(b).putInt(24).put("ftypheic".getBytes(StandardCharsets.US_ASCII));
        return b;
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** APP1 "Exif": IFD0 with Make, Orientation and a GPS IFD pointer; GPS IFD with N 23°7', E 113°15'. */
    private static byte[] exifSegment(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(256).order(ByteOrder.BIG_ENDIAN);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        byte[] make = (CAMERA + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int ifd0Size = 2 + 3 * 12 + 4;
        int makeAt = ifd0 + ifd0Size;
        int gpsAt = makeAt + make.length + (make.length % 2);
        tiff.position(ifd0);
        tiff.putShort((short) 3);
        entry(tiff, 0x010F, 2, make.length, makeAt);                 // Make, ASCII at offset
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        entry(tiff, 0x8825, 4, 1, gpsAt);                            // GPS IFD pointer
        tiff.putInt(0);
        tiff.position(makeAt);
        tiff.put(make);
        int gpsSize = 2 + 4 * 12 + 4;
        int latAt = gpsAt + gpsSize;
        int lonAt = latAt + 24;
        tiff.position(gpsAt);
        tiff.putShort((short) 4);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        entry(tiff, 0x0002, 5, 3, latAt);
        tiff.putShort((short) 0x0003).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0);
        entry(tiff, 0x0004, 5, 3, lonAt);
        tiff.putInt(0);
        tiff.position(latAt);
        tiff.putInt(23).putInt(1).putInt(7).putInt(1).putInt(0).putInt(1);
        tiff.putInt(113).putInt(1).putInt(15).putInt(1).putInt(0).putInt(1);
        int tiffLength = lonAt + 24;
        int length = 2 + 6 + tiffLength;
        ByteBuffer app1 = ByteBuffer.allocate(2 + length);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length);
        app1.put("Exif".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0);
        app1.put(tiff.array(), 0, tiffLength);
        return app1.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int offset) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(offset);
    }
}
