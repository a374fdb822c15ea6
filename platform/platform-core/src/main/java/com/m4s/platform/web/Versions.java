package com.m4s.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * Optimistic concurrency for edits made from a form: the client sends the version it read as
 * {@code If-Match: "<version>"} (RFC 9110 section 13.1.1, the entity's {@code version} as a strong entity tag); when
 * the record has changed since, nothing is written and the answer is the same 409 {@code concurrent-update} problem
 * a collision between two transactions gives (the entity's {@code @Version}). Without {@code If-Match} (or with
 * {@code *}) the write applies to whatever is current.
 */
public final class Versions {

    private Versions() {
    }

    /** The version an {@code If-Match} header names; null when there is none or it is {@code *}; 400 if unreadable. */
    public static @Nullable Long ifMatch(@Nullable String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException.BadRequest("bad-if-match");
    }

    /** Refuses the write when the caller read another version than the current one. */
    public static void expect(Class<?> entity, Object id, long current, @Nullable Long expected) {
        if (expected != null && expected != current) {
            throw new ObjectOptimisticLockingFailureException(entity, id);
        }
    }
}
