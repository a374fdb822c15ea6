package com.m4s.store.photo;

/**
 * The sizes kept of every photo, by the pipeline's widths (320, 960, 1920 unless configured otherwise): a card's
 * thumbnail, a page's picture, full screen. A picture narrower than a width is kept at its own width.
 */
public enum PhotoSize {
    SMALL, MEDIUM, LARGE;

    String file() {
        return name().toLowerCase(java.util.Locale.ROOT) + ".jpg";
    }
}
