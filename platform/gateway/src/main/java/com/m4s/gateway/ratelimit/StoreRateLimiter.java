package com.m4s.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per store code, <strong>in the memory of this gateway instance</strong>: with N gateway
 * instances behind a load balancer a store can make up to N x capacity requests in a burst (and N x the refill rate
 * sustained). When that matters, keep the buckets in a shared store such as Redis (e.g. Spring Cloud Gateway's
 * {@code RedisRateLimiter}) instead.
 *
 * <p>Buckets that have been full for {@link #IDLE_EVICTION} (so their store made no request for at least that long)
 * are dropped, checked at most once per {@link #SWEEP_INTERVAL} by the request that comes along. A dropped bucket
 * was full, so dropping it changes nothing a client can observe.
 */
public final class StoreRateLimiter {

    public static final Duration IDLE_EVICTION = Duration.ofMinutes(10);
    public static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final int capacity;
    private final double refillPerSecond;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    /** @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests */
    public StoreRateLimiter(int capacity, double refillPerSecond, LongSupplier nanoTime) {
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.nanoTime = nanoTime;
        new TokenBucket(capacity, refillPerSecond, 0); // fail fast on bad settings
        this.lastSweep = new AtomicLong(nanoTime.getAsLong());
    }

    public StoreRateLimiter(RateLimitProperties properties, LongSupplier nanoTime) {
        this(properties.capacity(), properties.refillPerSecond(), nanoTime);
    }

    /** Takes a token from the store's bucket (a new, full one for a store not seen recently). */
    public TokenBucket.Decision tryAcquire(String store) {
        long now = nanoTime.getAsLong();
        evictIdle(now);
        return buckets.computeIfAbsent(store, s -> new TokenBucket(capacity, refillPerSecond, now)).tryTake(now);
    }

    public int capacity() {
        return capacity;
    }

    public double refillPerSecond() {
        return refillPerSecond;
    }

    /** Number of buckets held. */
    public int size() {
        return buckets.size();
    }

    private void evictIdle(long now) {
        long last = lastSweep.get();
        if (now - last < SWEEP_INTERVAL.toNanos() || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        long idle = IDLE_EVICTION.toNanos();
        // Removes an entry only if it still maps to the bucket tested. A request racing with the sweep may take a
        // token from a bucket just removed; the store then gets a fresh bucket: at most one token too many, once.
        buckets.entrySet().removeIf(entry -> entry.getValue().fullFor(now) >= idle);
    }
}
