package com.m4s.platform.audit;

import com.m4s.platform.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns Hibernate's post-insert/update/delete events into audit entries, written on the same connection just before
 * the transaction commits, so an entry exists exactly when its change does.
 */
class AuditListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    /** Bookkeeping fields that change on every write and say nothing by themselves. */
    private static final Set<String> IGNORED = Set.of("version", "updatedAt");

    /** What the trail shows for a {@link Redacted} field that has a value. */
    static final String REDACTED = "[redacted]";

    private static final Map<Class<?>, Set<String>> REDACTED_FIELDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether an entity class is {@link Derived}: its rows follow from audited ledger entries. */
    private static final ClassValue<Boolean> DERIVED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.isAnnotationPresent(Derived.class);
        }
    };

    private final Clock clock;
    private final JsonMapper json;
    private final String table;
    /** Entries of each session's transaction, written together just before it commits, dropped if it does not. */
    private final Map<SharedSessionContractImplementor, List<AuditEntry>> pending = new ConcurrentHashMap<>();

    AuditListener(Clock clock, JsonMapper json, @Nullable String schema) {
        this.clock = clock;
        this.json = json;
        this.table = schema == null || schema.isBlank() ? "audit_event" : schema + ".audit_event";
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        if (derived(event.getPersister())) {
            return;
        }
        record(event.getSession(), AuditEntry.Action.CREATE, event.getPersister(), event.getId(),
                diff(event.getPersister(), event.getSession(), null, event.getState(), null));
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        if (derived(event.getPersister())) {
            return;
        }
        Map<String, Map<String, @Nullable Object>> changes = diff(event.getPersister(), event.getSession(),
                event.getOldState(), event.getState(), event.getDirtyProperties());
        if (!changes.isEmpty()) {
            record(event.getSession(), AuditEntry.Action.UPDATE, event.getPersister(), event.getId(), changes);
        }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        if (derived(event.getPersister())) {
            return;
        }
        record(event.getSession(), AuditEntry.Action.DELETE, event.getPersister(), event.getId(),
                diff(event.getPersister(), event.getSession(), event.getDeletedState(), null, null));
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void record(SharedSessionContractImplementor session, AuditEntry.Action action, EntityPersister persister,
            Object id, Map<String, Map<String, @Nullable Object>> changes) {
        Caller caller = Caller.current().orElse(null);
        String ip = clientIp();
        // no caller: a request without a token (an open endpoint), else the service's own work
        String nobody = ip == null ? AuditEntry.SYSTEM : AuditEntry.ANONYMOUS;
        AuditEntry entry = new AuditEntry(UUID.randomUUID(), clock.instant(),
                caller == null ? nobody : caller.subject(), caller == null ? nobody : caller.username(),
                caller == null ? null : caller.displayName(), caller == null ? nobody : caller.primaryRole(), ip,
                action,
                entityType(persister), String.valueOf(id), changes);
        List<AuditEntry> queued = pending.get(session);
        if (queued == null) {
            List<AuditEntry> fresh = new ArrayList<>();
            pending.put(session, fresh);
            SessionImplementor s = (SessionImplementor) session;
            s.getActionQueue().registerCallback((TransactionCompletionCallbacks.BeforeCompletionCallback) done -> {
                List<AuditEntry> entries = pending.remove(session);
                if (entries != null) {
                    write(session, entries);
                }
            });
            s.getActionQueue().registerCallback(
                    (TransactionCompletionCallbacks.AfterCompletionCallback) (success, done) -> pending.remove(session));
            queued = fresh;
        }
        queued.add(entry);
    }

    /**
     * The transaction's entries in the order their changes were made, as one JDBC batch: one round trip to the
     * database for all of them rather than one per changed row (a repair order with its lines and points postings
     * changes about fifteen rows).
     */
    private void write(SharedSessionContractImplementor session, List<AuditEntry> entries) {
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into " + table
                    + " (id, occurred_at, actor_subject, actor_name, actor_role, client_ip, action, entity_type,"
                    + " entity_id, changes, actor_display_name) values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)")) {
                for (AuditEntry entry : entries) {
                    insert.setObject(1, entry.id());
                    insert.setTimestamp(2, Timestamp.from(entry.occurredAt()));
                    insert.setString(3, entry.actorSubject());
                    insert.setString(4, entry.actorName());
                    insert.setString(5, entry.actorRole());
                    insert.setString(6, entry.clientIp());
                    insert.setString(7, entry.action().name());
                    insert.setString(8, entry.entityType());
                    insert.setString(9, entry.entityId());
                    insert.setString(10, json.writeValueAsString(entry.changes()));
                    insert.setString(11, entry.actorDisplayName());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private static Map<String, Map<String, @Nullable Object>> diff(EntityPersister persister,
            SharedSessionContractImplementor session, Object @Nullable [] before, Object @Nullable [] after,
            int @Nullable [] dirty) {
        String[] names = persister.getPropertyNames();
        Map<String, Map<String, @Nullable Object>> changes = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (IGNORED.contains(names[i]) || (dirty != null && !contains(dirty, i))) {
                continue;
            }
            Object old = before == null ? null : before[i];
            Object now = after == null ? null : after[i];
            if (isRedacted(persister, names[i])) {
                old = old == null ? null : REDACTED;
                now = now == null ? null : REDACTED;
            }
            if ((old instanceof Collection<?> || now instanceof Collection<?>) && !(textList(old) && textList(now))) {
                // associations are audited on their own rows; a list of texts (a car's photo references) is a value
                continue;
            }
            Map<String, @Nullable Object> change = new LinkedHashMap<>();
            if (before != null) {
                change.put("before", plain(old, session));
            }
            if (after != null) {
                change.put("after", plain(now, session));
            }
            if (before != null && after != null && java.util.Objects.equals(change.get("before"), change.get("after"))) {
                continue;
            }
            changes.put(names[i], change);
        }
        return changes;
    }

    private static boolean derived(EntityPersister persister) {
        return DERIVED.get(persister.getMappedClass());
    }

    private static boolean isRedacted(EntityPersister persister, String property) {
        return REDACTED_FIELDS.computeIfAbsent(persister.getMappedClass(), type -> {
            Set<String> redacted = new java.util.HashSet<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (java.lang.reflect.Field field : c.getDeclaredFields()) {
                    if (field.isAnnotationPresent(Redacted.class)) {
                        redacted.add(field.getName());
                    }
                }
            }
            return Set.copyOf(redacted);
        }).contains(property);
    }

    /** Null or a collection of texts: recorded as a value, compared as a list. */
    private static boolean textList(@Nullable Object value) {
        return value == null || value instanceof Collection<?> c && c.stream().allMatch(v -> v instanceof String);
    }

    private static @Nullable Object plain(@Nullable Object value, SharedSessionContractImplementor session) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Collection<?> texts) {
            return java.util.List.copyOf(texts);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof TemporalAccessor || value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof HibernateProxy proxy) {
            return String.valueOf(proxy.getHibernateLazyInitializer().getIdentifier());
        }
        if (session.getFactory().getMappingMetamodel().isEntityClass(value.getClass())) {
            return String.valueOf(session.getFactory().getMappingMetamodel()
                    .getEntityDescriptor(value.getClass()).getIdentifier(value, session));
        }
        return value.toString();
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private static String entityType(EntityPersister persister) {
        String name = persister.getEntityName();
        String simple = name.substring(name.lastIndexOf('.') + 1);
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    private static @Nullable String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
