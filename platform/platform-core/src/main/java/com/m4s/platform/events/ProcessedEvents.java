package com.m4s.platform.events;

import com.m4s.platform.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.Session;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The processed-event table: a consumer whose effect is in the database marks each event here in the transaction of
 * that effect, so an event handed over again (Kafka delivers at least once) finds its mark and changes nothing. A mark
 * is made as the current store's database role and names that store: the table's row-level security lets a store
 * role add marks of its own store only, and nobody else add any.
 */
public class ProcessedEvents {

    @PersistenceContext
    private EntityManager entityManager;

    private final String table;

    public ProcessedEvents(String schema) {
        this.table = schema + ".processed_event";
    }

    /**
     * Marks the event as processed by the consumer, in the caller's transaction of the current store; true the first time, false when it
     * was marked before (then the caller must skip its effect). Concurrent calls for one event wait for each other:
     * exactly one gets true.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstTime(String consumer, UUID eventId) {
        String store = TenantContext.require().storeCode();
        AtomicBoolean first = new AtomicBoolean();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into " + table
                    + " (consumer, event_id, store_code, processed_at) values (?, ?, ?, now()) on conflict do nothing")) {
                insert.setString(1, consumer);
                insert.setObject(2, eventId);
                insert.setString(3, store);
                first.set(insert.executeUpdate() == 1);
            }
        });
        return first.get();
    }
}
