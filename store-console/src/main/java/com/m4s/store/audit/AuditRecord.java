package com.m4s.store.audit;

import com.m4s.platform.audit.AuditEntry;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a store's audit trail as the console shows it: the recorded change, plus what the store knows to make
 * it readable.
 *
 * @param actorDisplayName the person's name: as recorded with the change, else (entries from before names were
 *     recorded) the name the store's staff list has for the login; none for the platform's own work and for logins
 *     the store does not know
 * @param entityLabel what the changed object is called now (a member's name, a vehicle's plate, a car's make, model
 *     and year), or what it was called when it was deleted; none when the store has no name for it
 * @param linkedNames the names of the members that the changes refer to by id, by id
 */
public record AuditRecord(UUID id, Instant occurredAt, String actorSubject, String actorName,
        @Nullable String actorDisplayName, String actorRole, @Nullable String clientIp, AuditEntry.Action action,
        String entityType, String entityId, @Nullable String entityLabel,
        Map<String, Map<String, @Nullable Object>> changes, Map<String, String> linkedNames) {
}
