package com.m4s.platform.time;

import com.m4s.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The service's clock in the zone of the store whose work is running, decided at every reading: Bean Validation
 * asks for its clock once per constraint and keeps it, so the zone cannot be fixed when the clock is handed out.
 * Outside a store's work (or in a service without stores) it is the service's clock as it is.
 */
final class CurrentStoreClock extends Clock {

    private final Clock clock;
    private final Supplier<@Nullable StoreTime> storeTime;

    CurrentStoreClock(Clock clock, Supplier<@Nullable StoreTime> storeTime) {
        this.clock = clock;
        this.storeTime = storeTime;
    }

    @Override
    public Instant instant() {
        return clock.instant();
    }

    @Override
    public ZoneId getZone() {
        StoreTime stores = storeTime.get();
        return stores != null && TenantContext.current().isPresent() ? stores.zone() : clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return clock.withZone(zone);
    }
}
