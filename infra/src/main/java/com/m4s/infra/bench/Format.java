package com.m4s.infra.bench;

import java.time.Duration;
import java.util.Locale;

/** Numbers as the benchmark prints them: always with a decimal point, whatever the machine's locale. */
final class Format {

    private Format() {
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
    }

    static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.0f ms", duration.toNanos() / 1e6);
    }

    /** The machine's load average over the last minute, e.g. {@code load average 7.5}: others may share the cores. */
    static String load() {
        return of("load average %.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    }

    static String of(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
