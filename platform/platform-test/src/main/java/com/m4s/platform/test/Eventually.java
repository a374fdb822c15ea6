package com.m4s.platform.test;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting in tests for something that happens asynchronously (a consumer, a relay, an index refresh). */
public final class Eventually {

    private Eventually() {
    }

    /**
     * Probes every 100 ms until {@code done} accepts the probe's answer, and returns that answer; fails the test with
     * {@code what} and the last answer when the timeout passes first.
     */
    public static <T> T await(Duration timeout, String what, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what + " (last seen: " + last
                        + ")");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            last = probe.get();
        }
        return last;
    }
}
