package com.m4s.platform.imaging;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the photo pipeline ({@code m4s.photos.*}).
 *
 * @param maxSize the largest upload accepted (10 MB)
 * @param maxPixels the most pixels a picture may have (50 million: a 48-megapixel phone camera's)
 * @param widths the widths kept, smallest first (320 for cards, 960 for a page, 1920 for full screen)
 * @param quality JPEG quality of what is kept, 0..1
 */
@Validated
@ConfigurationProperties("m4s.photos")
public record PhotoProperties(DataSize maxSize, long maxPixels, List<Integer> widths, float quality) {

    public PhotoProperties {
        maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
        maxPixels = maxPixels <= 0 ? 50_000_000L : maxPixels;
        widths = widths == null || widths.isEmpty() ? List.of(320, 960, 1920) : List.copyOf(widths);
        quality = quality <= 0 || quality > 1 ? 0.85f : quality;
    }

    public static PhotoProperties defaults() {
        return new PhotoProperties(null, 0, null, 0);
    }
}
