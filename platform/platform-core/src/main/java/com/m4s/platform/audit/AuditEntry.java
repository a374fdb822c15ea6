package com.m4s.platform.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change.
 *
 * @param changes per changed field: {@code {"before": ..., "after": ...}} (only {@code after} on create, only
 *     {@code before} on delete)
 */
public record AuditEntry(UUID id, Instant occurredAt, String actorSubject, String actorName, String actorRole,
        @Nullable String clientIp, Action action, String entityType, String entityId,
        Map<String, Map<String, @Nullable Object>> changes) {

    public enum Action { CREATE, UPDATE, DELETE }
}
