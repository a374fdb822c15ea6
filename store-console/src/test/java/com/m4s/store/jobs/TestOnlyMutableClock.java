package com.m4s.store.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test only: a clock that stands still until the test moves it forward, so due times and back-off can be shown
 * without waiting. Meant to be replaced by the platform-test controllable clock once that exists.
 */
final class TestOnlyMutableClock extends Clock {

    private final AtomicReference<Instant> now;

    TestOnlyMutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Moves the clock forward and answers the new time. */
    Instant advance(Duration by) {
        return now.updateAndGet(t -> t.plus(by));
    }

    /** Moves the clock to {@code to} (never backwards). */
    void moveTo(Instant to) {
        now.updateAndGet(t -> to.isAfter(t) ? to : t);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("test clock is UTC only");
    }
}
