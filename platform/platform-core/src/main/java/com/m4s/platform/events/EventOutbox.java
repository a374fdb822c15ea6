package com.m4s.platform.events;

import com.m4s.platform.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.Session;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where features put their domain events: a row in the service's outbox, written on the connection of the caller's
 * transaction (so the event exists exactly when the change does; a rolled-back change publishes nothing). The row
 * is relayed to Kafka after the commit.
 */
public class EventOutbox {

    /** What was published, for the caller (e.g. to show the event id in a response or log). */
    public record Published(UUID eventId, String topic, String type, String storeCode, Instant occurredAt) {
    }

    @PersistenceContext
    private EntityManager entityManager;

    private final String table;
    private final JsonMapper json;
    private final Clock clock;
    private final OutboxRelay relay;

    public EventOutbox(String schema, JsonMapper json, Clock clock, OutboxRelay relay) {
        this.table = schema + ".event_outbox";
        this.json = json;
        this.clock = clock;
        this.relay = relay;
    }

    /**
     * Publishes an event of the current store.
     *
     * @param topic the bounded context's topic, e.g. {@code m4s.usedcar}
     * @param type past tense, e.g. {@code ListingApproved}
     * @param payload serialized as JSON
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Published publish(String topic, String type, Object payload) {
        return insert(UUID.randomUUID(), TenantContext.require().storeCode(), topic, type, payload, clock.instant());
    }

    /**
     * Publishes an event that carries its own id, key and time (a {@link DomainEvent} record); its type is the
     * record's simple name, e.g. {@code StoreCreated}. For services that work outside a store's context
     * (tenant-admin).
     *
     * @param topic the bounded context's topic, e.g. {@code m4s.stores}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Published publish(String topic, DomainEvent event) {
        return insert(event.eventId(), event.key(), topic, event.getClass().getSimpleName(), event,
                event.occurredAt());
    }

    private Published insert(UUID id, String store, String topic, String type, Object payload, Instant now) {
        String body = json.writeValueAsString(payload);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into " + table
                    + " (event_id, store_code, topic, event_type, payload, occurred_at)"
                    + " values (?, ?, ?, ?, cast(? as jsonb), ?)")) {
                insert.setObject(1, id);
                insert.setString(2, store);
                insert.setString(3, topic);
                insert.setString(4, type);
                insert.setString(5, body);
                insert.setTimestamp(6, Timestamp.from(now));
                insert.executeUpdate();
            }
        });
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
        return new Published(id, topic, type, store, now);
    }
}
