package com.m4s.platform.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of a service under test: it follows real time until a test moves it, and keeps ticking from where it was
 * moved to. It is the service's {@link Clock} bean in every {@link ServiceTest} context, so a move reaches every
 * time-based rule of the running service (expiry, daily limits, token lifetimes); the clock is back on real time
 * after each test.
 *
 * <p>Access tokens are judged by this clock too, as they would be after that much real time: a token a test holds is
 * refused once the clock is moved past its lifetime (five minutes in the test realm). A test that moves time further
 * makes its signed-in calls before moving it, and afterwards uses open endpoints or the service's beans.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    public TestClock() {
        this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private TestClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    /** Moves the clock so that it reads {@code instant} now; it ticks on from there. */
    public void set(Instant instant) {
        offset.set(Duration.between(Instant.now(), instant));
    }

    /** Moves the clock forward (or back, with a negative amount). */
    public void advance(Duration amount) {
        offset.accumulateAndGet(amount, Duration::plus);
    }

    /** Back on real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    /** How far the clock is from real time. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same controllable time seen in another zone: moving either moves both. */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new TestClock(offset, zone);
    }

    @Override
    public String toString() {
        return "TestClock[" + zone + ", offset " + offset.get() + "]";
    }
}
