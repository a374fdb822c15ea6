package com.m4s.store.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Someone (or the platform itself) who changed data of the store: an option of the audit log's actor filter.
 *
 * @param subject what the {@code actor} filter takes
 * @param name the login's username, or {@code system} / {@code anonymous}
 * @param displayName the person's name, as in {@link AuditRecord#actorDisplayName()}
 * @param role the role of the newest entry
 */
public record AuditActor(String subject, String name, @Nullable String displayName, String role, long entries,
        Instant lastAt) {
}
