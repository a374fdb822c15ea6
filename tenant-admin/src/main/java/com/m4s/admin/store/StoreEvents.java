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
     * A store can be used: its tenant was provisioned, or a suspended store was reactivated.
     *
     * @param reactivated false the first time (after provisioning), true after a suspension
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

    private StoreEvents() {
    }
}
