package com.m4s.store.photo;

import com.m4s.platform.imaging.PhotoRejected;
import com.m4s.platform.web.ApiException;
import org.springframework.http.HttpStatus;

/** An upload refused by the photo pipeline, as its problem: 413 too large, 415 not a picture we take, 422 broken. */
final class PhotoProblem extends ApiException {

    private PhotoProblem(HttpStatus status, String type, Object... arguments) {
        super(status, type, arguments);
        with("field", "file");
    }

    static PhotoProblem of(PhotoRejected rejected, long maxBytes) {
        return switch (rejected.reason()) {
            case TOO_LARGE -> new PhotoProblem(HttpStatus.CONTENT_TOO_LARGE, "photo-too-large",
                    String.valueOf(maxBytes / (1024 * 1024)));
            case HEIC -> (PhotoProblem) new PhotoProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "photo-type-unsupported")
                    .variant("heic");
            case UNSUPPORTED_TYPE -> new PhotoProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "photo-type-unsupported");
            case UNREADABLE -> new PhotoProblem(HttpStatus.UNPROCESSABLE_CONTENT, "photo-unreadable");
        };
    }
}
