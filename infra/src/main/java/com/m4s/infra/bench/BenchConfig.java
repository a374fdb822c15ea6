package com.m4s.infra.bench;

import java.util.Locale;

/**
 * The benchmark's knobs. Each is read from an environment variable, else a system property, else its default: the
 * {@code bench} Maven profile starts the benchmark in its own JVM, so only environment variables reach it from the
 * Maven command line.
 *
 * @param stores stores provisioned ({@code BENCH_STORES} / {@code bench.stores})
 * @param members members loaded into the measured store ({@code BENCH_MEMBERS} / {@code bench.members})
 * @param seconds length of each throughput measurement ({@code BENCH_SECONDS} / {@code bench.seconds})
 * @param concurrency client threads of each throughput measurement ({@code BENCH_CONCURRENCY} /
 *     {@code bench.concurrency})
 */
record BenchConfig(int stores, int members, int seconds, int concurrency) {

    /** More members than this would run out of distinct plates (34^5) long before; it is a typo guard. */
    static final int MAX_MEMBERS = 1_000_000;

    BenchConfig {
        if (members > MAX_MEMBERS) {
            throw new IllegalArgumentException("bench.members must be at most " + MAX_MEMBERS + ", was " + members);
        }
    }

    static BenchConfig load() {
        return new BenchConfig(setting("stores", 50), setting("members", 2000), setting("seconds", 10),
                setting("concurrency", 8));
    }

    /** {@code BENCH_<NAME>} from the environment wins over {@code -Dbench.<name>}. */
    private static int setting(String name, int defaultValue) {
        String env = "BENCH_" + name.toUpperCase(Locale.ROOT);
        String property = "bench." + name;
        String value = System.getenv(env);
        String source = env;
        if (value == null || value.isBlank()) {
            value = System.getProperty(property);
            source = property;
        }
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(source + " must be a whole number of at least 1, was '" + value + "'");
    }

    @Override
    public String toString() {
        return "stores=%d members=%d seconds=%d concurrency=%d".formatted(stores, members, seconds, concurrency);
    }
}
