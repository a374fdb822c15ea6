package com.m4s.infra.bench;

import com.m4s.infra.stack.JavaService;
import com.m4s.infra.stack.Stack;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restarts store-console with every store provisioned. At start-up, before it takes requests, it migrates all
 * provisioned stores; here their change sets are already applied, so this measures the cost of checking N stores
 * (a no-op migration), which every restart or deployment pays.
 */
final class StartupMigrationBench {

    private static final String SERVICE = "store-console";
    /** Logged by store-console's StoreProvisioning once the start-up migration is done. */
    private static final Pattern MIGRATED =
            Pattern.compile("migrated (\\d+) stores in (\\d+) ms \\((\\d+) failed: (.*)\\)");
    /** Logged by Spring Boot when the application is up. */
    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([\\d.]+) seconds");

    /**
     * @param stopped graceful shutdown of the running instance
     * @param untilHealthy from launching the new process until its health endpoint answered 200 (polled every 250 ms)
     * @param springStarted what Spring Boot logged as its start-up time, if it did
     */
    record Result(Duration stopped, Duration untilHealthy, Optional<String> springStarted, int stores,
            long migrationMillis, int failed, String failedStores) {

        void summarize(Summary summary) {
            summary.add("store-console restart", Format.of("healthy after %s; no-op start-up migration of %d stores"
                    + " took %d ms (%d failed)", Format.seconds(untilHealthy), stores, migrationMillis, failed));
        }
    }

    static Result run(Stack stack) {
        System.out.println();
        System.out.println("== 2. store-console restart: start-up migration of every provisioned store");
        long start = System.nanoTime();
        stack.stopService(SERVICE);
        long stopped = System.nanoTime();
        JavaService service = stack.startService(SERVICE);
        long healthy = System.nanoTime();
        List<String> log = ServiceLogs.lines(service);
        Matcher migrated = last(log, MIGRATED).orElseThrow(() -> new IllegalStateException(
                "store-console did not log its start-up migration; log tail:\n" + service.tail()));
        Result result = new Result(Duration.ofNanos(stopped - start), Duration.ofNanos(healthy - stopped),
                last(log, STARTED).map(m -> m.group(1) + " s"), Integer.parseInt(migrated.group(1)),
                Long.parseLong(migrated.group(2)), Integer.parseInt(migrated.group(3)), migrated.group(4));
        print(result);
        return result;
    }

    private static void print(Result result) {
        System.out.println("   stopped the running instance in " + Format.seconds(result.stopped()));
        System.out.println("   new instance healthy after " + Format.seconds(result.untilHealthy())
                + " (launch to /actuator/health = 200, polled every 250 ms)"
                + result.springStarted().map(s -> "; Spring Boot reports started in " + s).orElse(""));
        System.out.println(Format.of("   log: \"migrated %d stores in %d ms (%d failed: %s)\"", result.stores(),
                result.migrationMillis(), result.failed(), result.failedStores()));
        System.out.println("   (every change set was already applied: this is the cost of a no-op migration of all"
                + " stores, paid on every start-up before the service takes requests)");
    }

    private static Optional<Matcher> last(List<String> lines, Pattern pattern) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher matcher = pattern.matcher(lines.get(i));
            if (matcher.find()) {
                return Optional.of(matcher);
            }
        }
        return Optional.empty();
    }
}
