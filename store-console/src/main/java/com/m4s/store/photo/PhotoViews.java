package com.m4s.store.photo;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the API answers about photos. */
public final class PhotoViews {

    private PhotoViews() {
    }

    /**
     * A photo as a page shows it. {@code ref} is what a form sends back to keep it; the links are signed and work in
     * an {@code <img>} without a sign-in until they expire. A link pasted before uploads existed has no id and the same
     * link in every size.
     */
    public record PhotoView(String ref, @Nullable UUID id, String thumbnailUrl, String url, String largeUrl) {
    }

    /** The answer to an upload: the new photo and its upright size. */
    public record UploadedPhoto(UUID id, String ref, int width, int height, String thumbnailUrl, String url,
            String largeUrl) {
    }
}
