package com.m4s.platform.imaging;

/** An upload the pipeline refuses, and why; the feature turns it into its problem response. */
public final class PhotoRejected extends RuntimeException {

    /** Why a picture is refused. */
    public enum Reason {
        /** Larger than {@code m4s.photos.max-size}. */
        TOO_LARGE,
        /** HEIC/HEIF, which no library here decodes: the phone should send JPEG ("most compatible"). */
        HEIC,
        /** Not a JPEG or PNG by its first bytes, whatever its name or declared type. */
        UNSUPPORTED_TYPE,
        /** Looks like JPEG or PNG but cannot be decoded, or has more pixels than allowed. */
        UNREADABLE
    }

    private final Reason reason;

    public PhotoRejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
