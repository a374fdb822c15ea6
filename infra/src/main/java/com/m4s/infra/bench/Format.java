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

    static String of(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
