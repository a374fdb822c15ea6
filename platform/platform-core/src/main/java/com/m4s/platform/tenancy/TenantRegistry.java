package com.m4s.platform.tenancy;

import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Where a service looks up the stores it serves. */
public interface TenantRegistry {

    /**
     * ACTIVE serves requests; READ_ONLY serves reads only (its dealer group's subscription is unpaid past the grace
     * period, decision 0047: every write is refused until it is paid, background work and events go on);
     * SUSPENDED is refused; UNAVAILABLE could not be migrated and waits for an operator; MIGRATING is being brought up
     * to this build's schema in the background and serves once that is done.
     */
    enum Status { ACTIVE, READ_ONLY, SUSPENDED, UNAVAILABLE, MIGRATING;

        /** Whether the store's data is in use: requests (all, or reads only), background work, events. */
        public boolean inService() {
            return this == ACTIVE || this == READ_ONLY;
        }
    }

    /**
     * A store as this service knows it; {@code groupCode} is the dealer group owning it, when recorded;
     * {@code timeZone} is where the store is, for its calendar days and the times people read
     * ({@link com.m4s.platform.time.StoreTime}).
     */
    record Entry(Tenant tenant, Status status, @Nullable String groupCode, ZoneId timeZone) {
    }

    Optional<Entry> find(String storeCode);
}
