package com.m4s.infra.bench;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark's knobs. Each is read from an environment variable, else a system property, else its default: the
 * {@code bench} Maven profile starts the benchmark in its own JVM, so only environment variables reach it from the
 * Maven command line.
 *
 * @param stores stores provisioned ({@code BENCH_STORES} / {@code bench.stores})
 * @param members members loaded into the measured store through the gateway ({@code BENCH_MEMBERS} /
 *     {@code bench.members})
 * @param largeMembers members the measured store is then grown to with bulk SQL for a second measurement
 *     ({@code BENCH_LARGE_MEMBERS} / {@code bench.large_members}); 0 skips it
 * @param seconds length of each throughput measurement ({@code BENCH_SECONDS} / {@code bench.seconds})
 * @param warmUp seconds of load before each throughput measurement of parts 3 and 5, not counted, so that the
 *     services' hot paths are compiled ({@code BENCH_WARMUP} / {@code bench.warmup})
 * @param concurrency client threads of each throughput measurement ({@code BENCH_CONCURRENCY} /
 *     {@code bench.concurrency})
 * @param listings used cars put on the market for the market measurements ({@code BENCH_LISTINGS} /
 *     {@code bench.listings})
 * @param listingStores stores the listings are spread over ({@code BENCH_LISTING_STORES} /
 *     {@code bench.listing_stores}); at most {@code stores}
 * @param approvals cars approved one by one through the API on top of the listings ({@code BENCH_APPROVALS} /
 *     {@code bench.approvals})
 * @param importLines repair order lines of the generated DMS file, and of the REST batches, of part 7
 *     ({@code BENCH_IMPORT_LINES} / {@code bench.import_lines})
 * @param products listed products written into the first store and searched by its owner in part 8
 *     ({@code BENCH_PRODUCTS} / {@code bench.products})
 * @param ledgerWarmUp seconds of postings before part 6's measured ones ({@code BENCH_LEDGER_WARMUP} /
 *     {@code bench.ledger_warmup}): a posting runs much more code than a read (Hibernate's writes, the audit rows,
 *     the key's record), which the JIT was still compiling after 15 s (a third of store-console's CPU went to it,
 *     and a fresh gateway's too); 90 s let it settle
 * @param rounds paired rounds of part 3 after its table: the SQL and the gateway back to back, for the median of
 *     their ratios ({@code BENCH_ROUNDS} / {@code bench.rounds}; 0 skips them)
 * @param parts the parts to run, by number ({@code BENCH_PARTS} / {@code bench.parts}, e.g. {@code 1,5}; part 1,
 *     provisioning, always runs: the others need its stores)
 */
record BenchConfig(int stores, int members, int largeMembers, int seconds, int warmUp, int concurrency, int listings, int listingStores,
        int approvals, int importLines, int products, int ledgerWarmUp, int rounds, Set<Integer> parts) {

    /**
     * Every part: 1 provisioning, 2 start-up migration, 3 member queries, 4 security overhead, 5 used-car market,
     * 6 points ledger vs pgbench, 7 DMS import rate, 8 mall product search.
     */
    static final Set<Integer> ALL_PARTS = Set.of(1, 2, 3, 4, 5, 6, 7, 8);

    /** More members than this would run out of distinct plates (34^5) long before; it is a typo guard. */
    static final int MAX_MEMBERS = 1_000_000;

    BenchConfig {
        if (members > MAX_MEMBERS) {
            throw new IllegalArgumentException("bench.members must be at most " + MAX_MEMBERS + ", was " + members);
        }
        if (largeMembers > MAX_MEMBERS) {
            throw new IllegalArgumentException("bench.large_members must be at most " + MAX_MEMBERS + ", was "
                    + largeMembers);
        }
    }

    static BenchConfig load() {
        return new BenchConfig(setting("stores", 50), setting("members", 2000),
                setting("large_members", 100_000, 0), setting("seconds", 10), setting("warmup", 15, 0),
                setting("concurrency", 8), setting("listings", 100_000), setting("listing_stores", 20),
                setting("approvals", 500), setting("import_lines", 10_000), setting("products", 10_000),
                setting("ledger_warmup", 90, 0), setting("rounds", 5, 0), readParts());
    }

    boolean runs(int part) {
        return part == 1 || parts.contains(part);
    }

    /** {@code BENCH_PARTS}: comma-separated part numbers; all when unset. */
    private static Set<Integer> readParts() {
        String value = text("parts");
        if (value == null) {
            return ALL_PARTS;
        }
        Set<Integer> parts = new TreeSet<>();
        for (String part : value.split(",")) {
            try {
                int n = Integer.parseInt(part.strip());
                if (ALL_PARTS.contains(n)) {
                    parts.add(n);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("BENCH_PARTS must list part numbers out of " + new TreeSet<>(ALL_PARTS)
                    + ", was '" + value + "'");
        }
        return Set.copyOf(parts);
    }

    /** The raw value of a setting: {@code BENCH_<NAME>} from the environment, else {@code -Dbench.<name>}. */
    private static @Nullable String text(String name) {
        String value = System.getenv("BENCH_" + name.toUpperCase(Locale.ROOT));
        if (value == null || value.isBlank()) {
            value = System.getProperty("bench." + name);
        }
        return value == null || value.isBlank() ? null : value;
    }

    /** {@code BENCH_<NAME>} from the environment wins over {@code -Dbench.<name>}. */
    private static int setting(String name, int defaultValue) {
        return setting(name, defaultValue, 1);
    }

    private static int setting(String name, int defaultValue, int min) {
        String value = text(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("BENCH_" + name.toUpperCase(Locale.ROOT) + " (bench." + name
                + ") must be a whole number of at least " + min + ", was '" + value + "'");
    }

    @Override
    public String toString() {
        return ("stores=%d members=%d large_members=%d seconds=%d warmup=%d concurrency=%d listings=%d listing_stores=%d"
                + " approvals=%d import_lines=%d products=%d ledger_warmup=%d rounds=%d parts=%s").formatted(stores, members,
                        largeMembers, seconds, warmUp, concurrency, listings, listingStores, approvals, importLines,
                        products, ledgerWarmUp, rounds,
                        new TreeSet<>(parts));
    }
}
