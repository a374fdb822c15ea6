package com.m4s.infra.bench;

import com.m4s.infra.stack.JavaService;
import com.m4s.infra.stack.Stack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restarts store-console and measures how long until it is healthy and how long until every store is migrated. At
 * start-up store-console compares each store's recorded changelog fingerprint with its own in one query; stores that
 * match serve at once, the others are migrated in the background (and answer 503 meanwhile). Three restarts: with no
 * store yet (the floor, before part 1 provisions any), with every store up to date (a deploy without store changes),
 * and with every store's fingerprint cleared (a deploy whose store changelog changed: each store gets a Liquibase
 * run in the background; here its change sets are all applied already, so that run is a no-op check).
 */
final class StartupMigrationBench {

    private static final String SERVICE = "store-console";
    /** Logged by store-console's StartupMigration before the web server takes requests. */
    private static final Pattern CHECKED = Pattern.compile("checked (\\d+) stores against store changelog \\S+ in"
            + " (\\d+) ms: (\\d+) up to date and serving, (\\d+) to migrate in the background");
    /** Logged by store-console's StartupMigration once the last store is migrated. */
    private static final Pattern MIGRATED =
            Pattern.compile("migrated (\\d+) stores in (\\d+) ms \\((\\d+) failed: (.*)\\)");
    /** Logged by Spring Boot when the application is up. */
    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([\\d.]+) seconds");
    private static final Duration MIGRATION_TIMEOUT = Duration.ofMinutes(60);
    private static final long POLL_MILLIS = 250;

    /**
     * One restart.
     *
     * @param untilHealthy from launching the new process until its health endpoint answered 200 (polled every 250 ms)
     * @param untilAllMigrated from launching until the log said the last store was migrated (polled every 250 ms)
     * @param springStarted what Spring Boot logged as its start-up time, if it did
     * @param checkMillis the fingerprint check, before the web server takes requests
     * @param migrationMillis from the check's start until the last store was migrated, as logged
     */
    record Restart(String scenario, Duration stopped, Duration untilHealthy, Duration untilAllMigrated,
            Optional<String> springStarted, int stores, int upToDate, int toMigrate, long checkMillis,
            int migrated, long migrationMillis, int failed, String failedStores) {
    }

    /** @param empty the restart before any store existed, when it ran */
    record Result(Optional<Restart> empty, Restart upToDate, Restart stale) {

        void summarize(Summary summary) {
            String floor = empty.map(e -> Format.of(" (no stores: %s, so +%s)", Format.seconds(e.untilHealthy()),
                    Format.seconds(upToDate.untilHealthy().minus(e.untilHealthy())))).orElse("");
            summary.add("store-console restart", Format.of("%d stores up to date: healthy after %s%s; all migrated"
                    + " after %s (fingerprint check %d ms, %d migrated)", upToDate.stores(),
                    Format.seconds(upToDate.untilHealthy()), floor, Format.seconds(upToDate.untilAllMigrated()),
                    upToDate.checkMillis(), upToDate.migrated()));
            summary.add("  every store stale", Format.of("healthy after %s; all %d migrated in the background after"
                    + " %s (%d failed)", Format.seconds(stale.untilHealthy()), stale.toMigrate(),
                    Format.seconds(stale.untilAllMigrated()), stale.failed()));
        }
    }

    private StartupMigrationBench() {
    }

    /** Restarts store-console before any store exists: the floor the other restarts are compared with. */
    static Restart runEmpty(Stack stack) {
        System.out.println();
        System.out.println("== 2. store-console restart with no stores (before provisioning; the floor)");
        Restart restart = restart(stack, "no stores");
        print(restart);
        return restart;
    }

    static Result run(Stack stack, Optional<Restart> empty) {
        System.out.println();
        System.out.println("== 2. store-console restart with every store up to date (a deploy without store changes)");
        Restart upToDate = restart(stack, "up to date");
        print(upToDate);
        empty.ifPresent(e -> System.out.println("   healthy " + Format.seconds(upToDate.untilHealthy()
                .minus(e.untilHealthy())) + " later than with no stores (" + Format.seconds(e.untilHealthy()) + ")"));

        System.out.println();
        System.out.println("== 2. store-console restart with every store stale (a deploy whose store changelog changed)");
        int cleared = clearFingerprints(stack);
        System.out.println("   cleared the recorded changelog fingerprint of " + cleared + " stores");
        Restart stale = restart(stack, "every store stale");
        print(stale);
        System.out.println("   (every change set was already applied: the background runs are no-op Liquibase checks;"
                + " stores serve as soon as their own check is done, the others answer 503 store-migrating)");
        return new Result(empty, upToDate, stale);
    }

    private static Restart restart(Stack stack, String scenario) {
        // the log file is appended to across restarts: only this instance's lines count
        int before = ServiceLogs.lines(stack.service(SERVICE)).size();
        long start = System.nanoTime();
        stack.stopService(SERVICE);
        long stopped = System.nanoTime();
        JavaService service = stack.startService(SERVICE);
        long healthy = System.nanoTime();
        Matcher migrated = awaitLine(service, before, MIGRATED);
        long allMigrated = System.nanoTime();
        List<String> log = linesSince(service, before);
        Matcher checked = last(log, CHECKED).orElseThrow(() -> new IllegalStateException(
                "store-console did not log its start-up check; log tail:\n" + service.tail()));
        return new Restart(scenario, Duration.ofNanos(stopped - start), Duration.ofNanos(healthy - stopped),
                Duration.ofNanos(Math.max(allMigrated, healthy) - stopped), last(log, STARTED).map(m -> m.group(1) + " s"),
                Integer.parseInt(checked.group(1)), Integer.parseInt(checked.group(3)),
                Integer.parseInt(checked.group(4)), Long.parseLong(checked.group(2)),
                Integer.parseInt(migrated.group(1)), Long.parseLong(migrated.group(2)),
                Integer.parseInt(migrated.group(3)), migrated.group(4));
    }

    /** Waits for the start-up migration's last line; already there when no store needed migrating. */
    private static Matcher awaitLine(JavaService service, int skipped, Pattern pattern) {
        long deadline = System.nanoTime() + MIGRATION_TIMEOUT.toNanos();
        while (true) {
            Optional<Matcher> found = last(linesSince(service, skipped), pattern);
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline || !service.isAlive()) {
                throw new IllegalStateException("store-console did not finish its start-up migration within "
                        + MIGRATION_TIMEOUT + "; log tail:\n" + service.tail());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the start-up migration", e);
            }
        }
    }

    /** Makes every store look migrated to another changelog, as a release with a store change set would. */
    private static int clearFingerprints(Stack stack) {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
                Statement s = c.createStatement()) {
            return s.executeUpdate("update console.tenant set schema_fingerprint = null where status <> 'PROVISIONING'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not clear the stores' changelog fingerprints", e);
        }
    }

    private static void print(Restart r) {
        System.out.println("   stopped the running instance in " + Format.seconds(r.stopped()));
        System.out.println("   time to healthy:       " + Format.seconds(r.untilHealthy())
                + " (launch to /actuator/health = 200, polled every 250 ms)"
                + r.springStarted().map(s -> "; Spring Boot reports started in " + s).orElse(""));
        System.out.println("   time to all migrated:  " + Format.seconds(r.untilAllMigrated())
                + " (launch to the log's last-store-migrated line, polled every 250 ms)");
        System.out.println(Format.of("   log: \"checked %d stores ... in %d ms: %d up to date and serving, %d to migrate"
                + " in the background\"", r.stores(), r.checkMillis(), r.upToDate(), r.toMigrate()));
        System.out.println(Format.of("   log: \"migrated %d stores in %d ms (%d failed: %s)\"", r.migrated(),
                r.migrationMillis(), r.failed(), r.failedStores()));
    }

    private static List<String> linesSince(JavaService service, int skipped) {
        List<String> lines = ServiceLogs.lines(service);
        return lines.subList(Math.min(skipped, lines.size()), lines.size());
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
