package com.m4s.infra.bench;

/**
 * Durations in nanoseconds, counted in log-linear buckets so that any number of them takes the same small space.
 * A value is kept to its 7 most significant bits: a percentile reads at most 1/64 (1.6 %) above the true value.
 * Not thread-safe: each client thread keeps its own and they are merged at the end.
 */
final class LatencyHistogram {

    private static final int SIGNIFICANT_BITS = 7;
    private static final int HALF = 1 << (SIGNIFICANT_BITS - 1);

    private final long[] counts = new long[(Long.SIZE - SIGNIFICANT_BITS + 2) * HALF];
    private long count;
    private long max;

    void record(long nanos) {
        long value = Math.max(0, nanos);
        counts[index(value)]++;
        count++;
        max = Math.max(max, value);
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        max = Math.max(max, other.max);
    }

    long count() {
        return count;
    }

    long maxNanos() {
        return max;
    }

    /** The smallest recorded value that {@code percent} % of the values do not exceed; 0 when empty. */
    long percentileNanos(double percent) {
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percent / 100 * count));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(highestIn(i), max);
            }
        }
        return max;
    }

    double percentileMillis(double percent) {
        return percentileNanos(percent) / 1e6;
    }

    /** Values below 2^7 get a bucket each; above, each power of two is split into 64 buckets. */
    private static int index(long value) {
        int shift = Math.max(0, Long.SIZE - Long.numberOfLeadingZeros(value) - SIGNIFICANT_BITS);
        return (int) (shift * HALF + (value >>> shift));
    }

    private static long highestIn(int index) {
        if (index < 2 * HALF) {
            return index;
        }
        int shift = index / HALF - 1;
        long mantissa = index - (long) shift * HALF;
        return ((mantissa + 1) << shift) - 1;
    }
}
