package com.m4s.admin.store;

import com.m4s.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the rest of the platform learns about stores: one event per change of the directory, on topic
 * {@value #TOPIC}, keyed by the store code, written in the transaction of the change.
 */
public final class StoreEvents {

    /** The store directory's topic. */
    public static final String TOPIC = "m4s.stores";

    /**
     * A store was entered in the directory; its tenant is being provisioned (PROVISIONING).
     *
     * @param address where customers find it, or null when not given
     * @param phone   the number customers call, or null when not given
     */
    public record StoreCreated(UUID eventId, String storeCode, String groupCode, String name, String city,
            String brand, @Nullable String address, @Nullable String phone, String timeZone, Instant occurredAt)
            implements DomainEvent {

        @Override
        public String key() {
            return storeCode;
        }
    }

    /**
     * A store can be used: its tenant was provisioned, a suspended store was reactivated, or a read-only store is
     * writable again (its group paid).
     *
     * @param reactivated false the first time (after provisioning), true after a suspension or read-only time
     */
    public record StoreActivated(UUID eventId, String storeCode, String groupCode, boolean reactivated,
            Instant occurredAt) implements DomainEvent {

        @Override
        public String key() {
            return storeCode;
        }
    }

    /** What people read about a store changed: its name, address or phone (each field as it is now). */
    public record StoreDescribed(UUID eventId, String storeCode, String groupCode, String name,
            @Nullable String address, @Nullable String phone, Instant occurredAt) implements DomainEvent {

        @Override
        public String key() {
            return storeCode;
        }
    }

    /** A store was suspended: its data can no longer be used until it is reactivated. */
    public record StoreSuspended(UUID eventId, String storeCode, String groupCode, Instant occurredAt)
            implements DomainEvent {

        @Override
        public String key() {
            return storeCode;
        }
    }

    /**
     * A store serves reads only: its dealer group's subscription is unpaid past the grace period (decision 0047), or
     * it was reactivated while its group is read-only. {@link StoreActivated} (reactivated) follows once the group
     * has paid.
     */
    public record StoreReadOnly(UUID eventId, String storeCode, String groupCode, Instant occurredAt)
            implements DomainEvent {

        @Override
        public String key() {
            return storeCode;
        }
    }

    private StoreEvents() {
    }
}
