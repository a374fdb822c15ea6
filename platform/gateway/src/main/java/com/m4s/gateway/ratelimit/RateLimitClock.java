package com.m4s.gateway.ratelimit;

/** The monotonic time the rate limits run on, in nanoseconds: {@link System#nanoTime()} except in tests. */
@FunctionalInterface
public interface RateLimitClock {

    long nanoTime();
}
