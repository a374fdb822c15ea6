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
 * @param actorName the login's username ({@code system} for the service's own work, {@code anonymous} for a request
 *     without a token)
 * @param actorDisplayName the person's name as the token gave it when the change was made; none for services, work
 *     without a caller and entries written before names were recorded
 */
public record AuditEntry(UUID id, Instant occurredAt, String actorSubject, String actorName,
        @Nullable String actorDisplayName, String actorRole, @Nullable String clientIp, Action action,
        String entityType, String entityId, Map<String, Map<String, @Nullable Object>> changes) {

    /** The actor of the service's own work (provisioning, jobs): no caller and no request. */
    public static final String SYSTEM = "system";
    /** The actor of a request without a token (an open endpoint such as the owner's sign-up). */
    public static final String ANONYMOUS = "anonymous";

    public enum Action { CREATE, UPDATE, DELETE }
}
