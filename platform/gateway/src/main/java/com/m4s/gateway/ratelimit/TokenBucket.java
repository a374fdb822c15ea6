package com.m4s.gateway.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A lock-free token bucket. Its whole state is one instant, {@code fullAt}: when the bucket will be full again
 * (the "theoretical arrival time" of the generic cell rate algorithm). At time {@code now} the bucket holds
 * {@code capacity - max(0, fullAt - now) / nanosPerToken} tokens; taking a token moves {@code fullAt} one token's worth
 * of time later. A compare-and-set on that single long makes {@link #tryTake} thread-safe without locks, and refill
 * needs no timer.
 *
 * <p>Times are in nanoseconds from a monotonic source such as {@link System#nanoTime()} and compared by
 * subtraction (overflow-safe).
 */
public final class TokenBucket {

    private final long nanosPerToken;
    private final long burstNanos;
    private final AtomicLong fullAt;

    /** A full bucket at {@code now}. */
    public TokenBucket(long capacity, double refillPerSecond, long now) {
        if (capacity < 1 || !(refillPerSecond > 0)) {
            throw new IllegalArgumentException("capacity must be >= 1 and refillPerSecond > 0");
        }
        this.nanosPerToken = Math.max(1L, Math.round(1_000_000_000d / refillPerSecond));
        this.burstNanos = Math.multiplyExact(capacity, nanosPerToken);
        this.fullAt = new AtomicLong(now);
    }

    /** Takes one token if there is one. */
    public Decision tryTake(long now) {
        while (true) {
            long current = fullAt.get();
            long start = current - now > 0 ? current : now;
            long next = start + nanosPerToken;
            long missing = next - now; // tokens missing after this one is taken, as time to refill them
            if (missing > burstNanos) {
                return Decision.denied(missing - burstNanos);
            }
            if (fullAt.compareAndSet(current, next)) {
                return Decision.allowed((burstNanos - missing) / nanosPerToken);
            }
        }
    }

    /** Whole tokens in the bucket at {@code now}, for information only. */
    public long available(long now) {
        long missing = Math.max(0, fullAt.get() - now);
        return (burstNanos - missing) / nanosPerToken;
    }

    /** How long the bucket has been full at {@code now} ({@code <= 0}: not full). */
    public long fullFor(long now) {
        return now - fullAt.get();
    }

    /**
     * What {@link #tryTake} decided.
     *
     * @param allowed         whether a token was taken
     * @param remaining       whole tokens left after taking one (0 when denied)
     * @param retryAfterNanos when denied: how long until a token is available (0 when allowed)
     */
    public record Decision(boolean allowed, long remaining, long retryAfterNanos) {

        static Decision allowed(long remaining) {
            return new Decision(true, remaining, 0);
        }

        static Decision denied(long retryAfterNanos) {
            return new Decision(false, 0, retryAfterNanos);
        }

        /** {@link #retryAfterNanos} in whole seconds, rounded up, at least 1: the {@code Retry-After} value. */
        public long retryAfterSeconds() {
            return Math.max(1, Math.ceilDiv(retryAfterNanos, 1_000_000_000L));
        }
    }
}
