package com.m4s.platform.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns an uploaded picture into what is kept: checked by content (JPEG or PNG; HEIC named as such), size and pixel
 * count limited, turned upright by its EXIF orientation, flattened onto white (PNG transparency), and written as
 * baseline JPEG at each configured width that is not wider than the picture (never enlarged). Writing new JPEGs from
 * the pixels is what drops every piece of metadata: GPS location, camera, time, thumbnails.
 */
public final class PhotoPipeline {

    /** The content type of everything the pipeline writes. */
    public static final String JPEG = "image/jpeg";

    private final PhotoProperties properties;

    public PhotoPipeline(PhotoProperties properties) {
        this.properties = properties;
    }

    public PhotoProperties properties() {
        return properties;
    }

    /** One kept size of a picture. */
    public record Rendition(int width, int height, byte[] jpeg) {
    }

    /** A processed picture: its upright size and the renditions, narrowest first. */
    public record Processed(int width, int height, List<Rendition> renditions) {
    }

    /** What the first bytes say the upload is. */
    enum Kind { JPEG, PNG, HEIC, OTHER }

    public Processed process(byte[] upload) {
        if (upload.length > properties.maxSize().toBytes()) {
            throw new PhotoRejected(PhotoRejected.Reason.TOO_LARGE, "picture of " + upload.length + " bytes");
        }
        Kind kind = kindOf(upload);
        switch (kind) {
            case HEIC -> throw new PhotoRejected(PhotoRejected.Reason.HEIC, "HEIC picture");
            case OTHER -> throw new PhotoRejected(PhotoRejected.Reason.UNSUPPORTED_TYPE, "neither JPEG nor PNG");
            default -> { }
        }
        BufferedImage decoded = decode(upload);
        BufferedImage upright = orient(decoded, kind == Kind.JPEG ? ExifOrientation.of(upload) : 1);
        List<Rendition> renditions = new ArrayList<>();
        for (int width : targetWidths(upright.getWidth())) {
            BufferedImage scaled = scale(upright, width);
            renditions.add(new Rendition(scaled.getWidth(), scaled.getHeight(), jpeg(scaled)));
        }
        return new Processed(upright.getWidth(), upright.getHeight(), List.copyOf(renditions));
    }

    static Kind kindOf(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Kind.JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Kind.PNG;
        }
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            String brand = new String(b, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif").contains(brand)) {
                return Kind.HEIC;
            }
        }
        return Kind.OTHER;
    }

    private BufferedImage decode(byte[] upload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new PhotoRejected(PhotoRejected.Reason.UNREADABLE, "no decoder");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > properties.maxPixels()) {
                    throw new PhotoRejected(PhotoRejected.Reason.UNREADABLE, pixels + " pixels");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PhotoRejected rejected) {
                throw rejected;
            }
            throw new PhotoRejected(PhotoRejected.Reason.UNREADABLE, "cannot decode: " + e.getMessage());
        }
    }

    /** The distinct widths to keep: each configured one, but none wider than the picture. */
    private List<Integer> targetWidths(int width) {
        Set<Integer> widths = new LinkedHashSet<>();
        for (int w : properties.widths()) {
            widths.add(Math.min(w, width));
        }
        return List.copyOf(widths);
    }

    /** The pixels turned as EXIF orientation 1..8 says, onto an opaque RGB canvas. */
    static BufferedImage orient(BufferedImage source, int orientation) {
        int w = source.getWidth();
        int h = source.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(Math.PI / 2); t.scale(1, -1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        BufferedImage upright = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = upright.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, upright.getWidth(), upright.getHeight());
            g.drawImage(source, t, null);
        } finally {
            g.dispose();
        }
        return upright;
    }

    /** Scaled to {@code width}, halving step by step first so a large picture does not alias. */
    private static BufferedImage scale(BufferedImage source, int width) {
        BufferedImage current = source;
        while (current.getWidth() / 2 >= width) {
            current = resize(current, current.getWidth() / 2,
                    Math.max(1, (int) Math.round(current.getHeight() / 2.0)));
        }
        if (current.getWidth() == width) {
            return current;
        }
        int height = Math.max(1, (int) Math.round((double) source.getHeight() * width / source.getWidth()));
        return resize(current, width, height);
    }

    private static BufferedImage resize(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(properties.quality());
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
