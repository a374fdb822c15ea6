package com.m4s.platform.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The clock of a service under test: it follows real time until a test moves it, and keeps ticking from where it was
 * moved to. It is the service's {@link Clock} bean in every {@link ServiceTest} context, so a move reaches every
 * time-based rule of the running service (expiry, daily limits, token lifetimes); the clock is back on real time
 * after each test.
 *
 * <p>Access tokens are judged by this clock too, as they would be after that much real time: a token a test holds is
 * refused once the clock is moved past its lifetime (five minutes in the test realm). A test that moves time further
 * makes its signed-in calls before moving it, and afterwards uses open endpoints or the service's beans.
 *
 * <p>{@link #freeze()} stops it where it is, for a test that must land exactly on a boundary (one second before a
 * back-off ends, then on it); moves still move it, and {@link #reset()} lets it tick on real time again.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> offset;
    /** Where the clock stands while frozen; null while it ticks. */
    private final AtomicReference<@Nullable Instant> frozen;
    private final ZoneId zone;

    public TestClock() {
        this(new AtomicReference<>(Duration.ZERO), new AtomicReference<>(), ZoneOffset.UTC);
    }

    private TestClock(AtomicReference<Duration> offset, AtomicReference<@Nullable Instant> frozen, ZoneId zone) {
        this.offset = offset;
        this.frozen = frozen;
        this.zone = zone;
    }

    /** Moves the clock so that it reads {@code instant} now; it ticks on from there (or stands there, if frozen). */
    public void set(Instant instant) {
        if (frozen.get() != null) {
            frozen.set(instant);
        } else {
            offset.set(Duration.between(Instant.now(), instant));
        }
    }

    /** Moves the clock forward (or back, with a negative amount). */
    public void advance(Duration amount) {
        if (frozen.get() != null) {
            frozen.updateAndGet(at -> at == null ? null : at.plus(amount));
        } else {
            offset.accumulateAndGet(amount, Duration::plus);
        }
    }

    /** Stops the clock at what it reads now; it moves only when the test moves it, until {@link #reset()}. */
    public Instant freeze() {
        Instant now = instant();
        frozen.set(now);
        return now;
    }

    /** Back on real time, ticking. */
    public void reset() {
        frozen.set(null);
        offset.set(Duration.ZERO);
    }

    /** How far the clock is from real time. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        Instant at = frozen.get();
        return at != null ? at : Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same controllable time seen in another zone: moving either moves both. */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new TestClock(offset, frozen, zone);
    }

    @Override
    public String toString() {
        return "TestClock[" + zone + ", offset " + offset.get() + "]";
    }
}
