package com.m4s.infra.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * What one measured period gave: successful calls, failed calls and their latencies.
 *
 * @param firstError what went wrong first, or {@code null} when nothing did
 * @param elapsed from the end of the warm-up until the last call of the period returned
 * @param cpu how busy the machine was meanwhile, and with whose work, where that can be read
 */
record LoadResult(String name, long requests, long errors, String firstError, Duration elapsed,
        LatencyHistogram latencies, Optional<CpuMeter.Usage> cpu) {

    double requestsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : requests / seconds;
    }

    double millis(double percentile) {
        return latencies.percentileMillis(percentile);
    }

    /** This throughput as a multiple of another's, e.g. 0.31 for "0.31x". */
    double ratioTo(LoadResult other) {
        return other.requestsPerSecond() == 0 ? 0 : requestsPerSecond() / other.requestsPerSecond();
    }
}
