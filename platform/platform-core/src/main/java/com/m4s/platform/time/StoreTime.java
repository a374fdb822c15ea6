package com.m4s.platform.time;

import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The time where a store is: its time zone (given by tenant-admin when the store was made, kept in the service's
 * {@link TenantRegistry}) applied to the service's one {@link Clock}. Times are stored as instants; a store's zone is
 * for what a person reads and for rules counted in calendar days ("today", "this year").
 */
public final class StoreTime {

    /** The zone of a store whose registry entry names none, and of stores made before zones were recorded. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final TenantRegistry registry;
    private final Clock clock;

    public StoreTime(TenantRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** The zone of the current store ({@link TenantContext}); fails outside a store's work, like data access. */
    public ZoneId zone() {
        return zone(TenantContext.require().storeCode());
    }

    /**
     * The zone of a store. A store the registry does not serve (being provisioned, unknown) has
     * {@link #DEFAULT_ZONE}: nothing of such a store is shown to a person.
     */
    public ZoneId zone(String storeCode) {
        return registry.find(storeCode).map(TenantRegistry.Entry::timeZone).orElse(DEFAULT_ZONE);
    }

    /** The clock in the current store's zone. */
    public Clock clock() {
        return clock.withZone(zone());
    }

    /** Now, on the current store's wall clock. */
    public ZonedDateTime now() {
        return ZonedDateTime.now(clock());
    }

    /** The current store's calendar day. */
    public LocalDate today() {
        return LocalDate.now(clock());
    }
}
