package com.m4s.infra.bench;

import com.m4s.infra.stack.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the stack keeps resident when idle: the resident set size ({@code VmRSS} in {@code /proc/<pid>/status}) of each
 * process of the stack summed over the process and all its descendants (PostgreSQL's backends, Elasticsearch's server
 * under its launcher, Keycloak's JVM under its script), and of the benchmark's own JVM apart. Also the proportional
 * set size ({@code Pss} in {@code smaps_rollup}), which counts a page shared by several processes (PostgreSQL's
 * shared buffers, the JDK's class data) once in all, where it can be read. Linux only; elsewhere nothing is shown.
 */
final class StackMemory {

    /** Target for the whole stack, idle: servers and services, without the benchmark client. */
    static final long TARGET_KB = 3L * 1024 * 1024;
    private static final List<String> SERVERS = List.of("postgresql", "kafka", "elasticsearch", "keycloak");
    private static final double KB_PER_MB = 1024;
    private static final double KB_PER_GB = 1024 * 1024;

    /**
     * One process tree.
     *
     * @param pssKb -1 when it could not be read for every process of the tree
     */
    record Usage(String name, int processes, long rssKb, long pssKb) {

        static Usage of(String name, List<ProcessHandle> tree) {
            long rss = 0;
            long pss = 0;
            int alive = 0;
            for (ProcessHandle p : tree) {
                long processRss = kilobytes(Path.of("/proc", Long.toString(p.pid()), "status"), "VmRSS:");
                if (processRss < 0) {
                    continue; // exited meanwhile
                }
                alive++;
                rss += processRss;
                long processPss = kilobytes(Path.of("/proc", Long.toString(p.pid()), "smaps_rollup"), "Pss:");
                pss = pss < 0 || processPss < 0 ? -1 : pss + processPss;
            }
            return new Usage(name, alive, rss, pss);
        }
    }

    /** The stack's process trees, in the order of {@link Stack#processes()}, and the benchmark client's JVM. */
    record Result(Duration idle, List<Usage> stack, Usage client, List<String> notFound, List<String> connections) {

        long rssKb() {
            return stack.stream().mapToLong(Usage::rssKb).sum();
        }

        long pssKb() {
            return stack.stream().anyMatch(u -> u.pssKb() < 0) ? -1 : stack.stream().mapToLong(Usage::pssKb).sum();
        }

        void print() {
            System.out.println();
            System.out.println(Format.of("== Stack memory, idle (%d s after the last request): resident memory of each"
                    + " process with all its descendants", idle.toSeconds()));
            System.out.println(Format.of("   %-22s %9s %10s %10s", "process", "processes", "RSS MB", "PSS MB"));
            stack.forEach(StackMemory::printLine);
            System.out.println("   " + "-".repeat(54));
            printLine(new Usage("stack", stack.stream().mapToInt(Usage::processes).sum(), rssKb(), pssKb()));
            System.out.println("   " + verdict());
            printLine(client);
            if (!notFound.isEmpty()) {
                System.out.println("   WARNING: not found, so not counted: " + String.join(", ", notFound));
            }
            if (!connections.isEmpty()) {
                System.out.println("   PostgreSQL connections (each a backend process) by login/application and state: "
                        + String.join(", ", connections));
            }
            System.out.println("   (the benchmark client is this JVM alone, not part of the stack; RSS counts a page"
                    + " shared by several processes, such as PostgreSQL's shared buffers, in each of them, PSS splits"
                    + " it between them)");
        }

        void summarize(Summary summary) {
            summary.add("stack memory (idle)", Format.of("%s; %d processes; benchmark client %.0f MB", verdict(),
                    stack.stream().mapToInt(Usage::processes).sum(), client.rssKb() / KB_PER_MB));
        }

        /** The stack's total against the target, by RSS as the target is set, and by PSS where it was read. */
        private String verdict() {
            String rss = Format.of("%.2f GB RSS", rssKb() / KB_PER_GB);
            String target = Format.of("target at most %.0f GB", TARGET_KB / KB_PER_GB);
            if (pssKb() < 0) {
                return Format.of("%s (%s: %s)", rss, target, rssKb() <= TARGET_KB ? "met" : "MISSED");
            }
            return Format.of("%s, %.2f GB PSS (%s: %s by RSS, %s by PSS)", rss, pssKb() / KB_PER_GB, target,
                    rssKb() <= TARGET_KB ? "met" : "MISSED", pssKb() <= TARGET_KB ? "met" : "MISSED");
        }
    }

    private StackMemory() {
    }

    /** Waits {@code idle} so the stack settles after the measurements, then reads every process's memory. */
    static Result measure(Stack stack, Duration idle) {
        try {
            Thread.sleep(idle);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, ProcessHandle> processes = stack.processes();
        List<Usage> usages = new ArrayList<>();
        for (Map.Entry<String, ProcessHandle> process : processes.entrySet()) {
            ProcessHandle root = process.getValue();
            usages.add(Usage.of(process.getKey(), Stream.concat(Stream.of(root), root.descendants()).toList()));
        }
        List<String> notFound = SERVERS.stream().filter(server -> !processes.containsKey(server)).toList();
        return new Result(idle, usages, Usage.of("benchmark client", List.of(ProcessHandle.current())), notFound,
                connections(stack));
    }

    /** Who holds PostgreSQL's client backends: count per login and state (this query's own not counted). */
    private static List<String> connections(Stack stack) {
        List<String> lines = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select usename || '/' || application_name, state, count(*),"
                        + " min(extract(epoch from now() - state_change)), max(extract(epoch from now() - state_change))"
                        + " from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()"
                        + " group by 1, 2 order by 3 desc, 1, 2")) {
            while (rs.next()) {
                lines.add(Format.of("%s %s %d (last used %.0f-%.0f s ago)", rs.getString(1), rs.getString(2),
                        rs.getLong(3), rs.getDouble(4), rs.getDouble(5)));
            }
        } catch (SQLException e) {
            lines.add("not read: " + e.getMessage());
        }
        return lines;
    }

    private static void printLine(Usage usage) {
        System.out.println(Format.of("   %-22s %9d %10.1f %10s", usage.name(), usage.processes(),
                usage.rssKb() / KB_PER_MB, usage.pssKb() < 0 ? "-" : Format.of("%.1f", usage.pssKb() / KB_PER_MB)));
    }

    /** The value in kB of the line starting with {@code field}; -1 when the file or the line cannot be read. */
    private static long kilobytes(Path file, String field) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(field)).findFirst()
                    .map(line -> Long.parseLong(line.substring(field.length()).strip().split("\\s+")[0]))
                    .orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
