package com.m4s.infra.bench;

import com.m4s.infra.stack.DemoData;
import com.m4s.infra.stack.JavaService;
import com.m4s.infra.stack.Stack;
import com.m4s.platform.servers.Api;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Points ledger postings through the API against what the same PostgreSQL server does with pgbench's TPC-B: a staff
 * points adjustment ({@code POST …/members/{id}/points/adjustments} with a fresh {@code Idempotency-Key}: one ledger
 * entry with its balance row locked and updated, the key checked, the audit rows and the kept answer written) from
 * {@code BENCH_CONCURRENCY} client threads over a set of members, through a gateway like the stack's with the rate
 * limit off; then {@code pgbench -c N -j N -T S} of the builtin {@code tpcb-like} script (three updates, a select and
 * an insert per transaction) with the same number of clients, in a database of its own on the stack's server,
 * dropped afterwards. Without {@code pgbench} on the machine the comparison is skipped and says so.
 */
final class PointsLedgerBench {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String GATEWAY = "gateway-ledger";
    private static final String PGBENCH_DATABASE = "m4s_pgbench";
    /** Members the postings are spread over: enough that the balance lock of one is rarely waited for. */
    private static final int MEMBERS_PER_THREAD = 8;
    /** Member numbers of {@link BenchMembers} out of the ranges of the other parts. */
    private static final int FIRST_MEMBER = 700_000;
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    /** pgbench's figures: transactions per second and mean latency, or why there are none. */
    record Pgbench(double tps, double latencyMillis, int clients, int scale, String skipped) {

        boolean ran() {
            return skipped.isEmpty();
        }
    }

    /**
     * @param postings the API's postings per second and their latencies
     */
    record Result(LoadResult postings, Pgbench pgbench, String load) {

        /** Postings per second as a share of TPC-B transactions per second; 0 when pgbench did not run. */
        double ratio() {
            return pgbench.ran() && pgbench.tps() > 0 ? postings.requestsPerSecond() / pgbench.tps() : 0;
        }

        void summarize(Summary summary) {
            summary.add("ledger postings", Format.of("points adjustment via gateway: %.0f postings/s, p50 %.1f ms,"
                    + " p99 %.1f ms (target < 50 ms), %d errors; %s", postings.requestsPerSecond(),
                    postings.millis(50), postings.millis(99), postings.errors(), load));
            summary.add("ledger vs TPC-B", pgbench.ran()
                    ? Format.of("pgbench tpcb-like %.0f tps (%d clients, scale %d, mean %.1f ms): ratio %.2fx"
                            + " (target >= 0.2x)", pgbench.tps(), pgbench.clients(), pgbench.scale(),
                            pgbench.latencyMillis(), ratio())
                    : "not measured: " + pgbench.skipped());
        }
    }

    private final Stack stack;
    private final BenchConfig config;
    private final CpuMeter cpu;
    private final Path profileDir;

    /** @param profileDir where the JFR recording of store-console during the measured postings is kept */
    PointsLedgerBench(Stack stack, BenchConfig config, CpuMeter cpu, Path profileDir) {
        this.stack = stack;
        this.config = config;
        this.cpu = cpu;
        this.profileDir = profileDir;
    }

    Result run(String store) {
        System.out.println();
        System.out.println("== 6. Points ledger: postings through the API in " + store + " vs pgbench TPC-B on the"
                + " same PostgreSQL");
        int gatewayPort = Stack.freePort();
        JavaService gateway = stack.startVariant(GATEWAY, "platform/gateway", gatewayPort,
                Map.of("M4S_GATEWAY_PORT", String.valueOf(gatewayPort),
                        "M4S_STORE_CONSOLE_URL", stack.service("store-console").url()), List.of(),
                List.of("--m4s.gateway.rate-limit.enabled=false"));
        try {
            List<UUID> members = members(gateway.url(), store, config.concurrency() * MEMBERS_PER_THREAD);
            System.out.println(Format.of("   setup: %d members; each posting adds 1 point to one of them at random"
                    + " (%d client threads, %d s warm-up, then %d s)", members.size(), config.concurrency(),
                    config.ledgerWarmUp(), config.seconds()));
            String token = token();
            if (config.ledgerWarmUp() > 0) {
                // a warm-up of its own, so that the profile below sees the measured period only
                new LoadRunner(config.concurrency(), Duration.ZERO, Duration.ofSeconds(config.ledgerWarmUp()), cpu)
                        .run("points adjustments, warm-up", thread -> session(gateway.url(), token, store, members));
            }
            StatementStatistics statements = new StatementStatistics(stack.jdbcUrl(), stack.dbUser(),
                    stack.dbPassword());
            Profile recording = null;
            try {
                recording = Profile.start("store-console", stack.service("store-console").process().pid(),
                        profileDir.resolve("store-console-ledger.jfr"));
            } catch (RuntimeException e) {
                System.out.println("   WARNING: no profile of store-console: " + e.getMessage());
            }
            statements.reset();
            LoadResult postings = new LoadRunner(config.concurrency(), Duration.ZERO,
                    Duration.ofSeconds(config.seconds()), cpu)
                    .run("points adjustments", thread -> session(gateway.url(), token, store, members));
            statements.print("posting", postings.requests());
            if (recording != null) {
                try {
                    recording.stop("the measured postings (after the warm-up)").print();
                } catch (RuntimeException e) {
                    System.out.println("   WARNING: no profile: " + e.getMessage());
                }
            }
            String load = Format.load();
            System.out.println(Format.of("   API: %.0f postings/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d errors%s; %s",
                    postings.requestsPerSecond(), postings.millis(50), postings.millis(95), postings.millis(99),
                    postings.errors(), postings.firstError() == null ? "" : " (first: " + postings.firstError() + ")",
                    load));
            postings.cpu().ifPresent(usage -> {
                System.out.println("   CPU meanwhile: " + usage);
                System.out.println("   CPU per posting by process (µs): " + perPosting(usage, postings));
            });
            Pgbench pgbench = pgbench();
            Result result = new Result(postings, pgbench, load);
            System.out.println(pgbench.ran()
                    ? Format.of("   pgbench tpcb-like: %.0f tps, mean latency %.1f ms (%s); postings are %.2fx of it",
                            pgbench.tps(), pgbench.latencyMillis(), Format.load(), result.ratio())
                    : "   pgbench: skipped, " + pgbench.skipped());
            return result;
        } finally {
            stack.stopService(GATEWAY);
        }
    }

    /**
     * Microseconds of CPU each posting cost in each process of the stack (and the client), most first: the posting's
     * own request path and the work it sets off (its events relayed through Kafka, their consumers, search indexing).
     */
    static String perPosting(CpuMeter.Usage usage, LoadResult postings) {
        double perRequest = postings.requestsPerSecond() == 0 ? 0 : 1e6 / postings.requestsPerSecond();
        return usage.byProcess().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> e.getValue() * perRequest >= 1)
                .map(e -> Format.of("%s %.0f", e.getKey(), e.getValue() * perRequest))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Members made through the API (and so known to the ledger: a posting to an unknown member is 404). */
    private List<UUID> members(String gatewayUrl, String store, int count) {
        Api api = new Api(gatewayUrl).withToken(token());
        List<UUID> ids = new ArrayList<>();
        for (int n = FIRST_MEMBER; n < FIRST_MEMBER + count; n++) {
            Api.Response created = api.post("/api/stores/" + store + "/members", BenchMembers.newMember(n));
            if (created.status() != 201) {
                throw new IllegalStateException("creating member " + n + " gave " + created.status() + ": "
                        + created.raw());
            }
            ids.add(UUID.fromString(created.json().path("id").asString()));
        }
        return ids;
    }

    /** One keep-alive connection per client thread; each call one posting with a key of its own. */
    private static LoadRunner.Session session(String gatewayUrl, String token, String store, List<UUID> members) {
        KeepAliveHttp http = new KeepAliveHttp(gatewayUrl, token, REQUEST_TIMEOUT);
        byte[] body = Api.json(Map.of("points", 1, "reason", "基准测试")).getBytes(StandardCharsets.UTF_8);
        return new LoadRunner.Session() {
            @Override
            public void call() throws IOException {
                UUID member = members.get(ThreadLocalRandom.current().nextInt(members.size()));
                String path = "/api/stores/" + store + "/members/" + member + "/points/adjustments";
                int status = http.post(path, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                if (status != 200 && status != 201) {
                    throw new IllegalStateException("HTTP " + status + " from POST " + path);
                }
            }

            @Override
            public void close() {
                http.close();
            }
        };
    }

    /**
     * {@code pgbench -i} at scale {@code BENCH_CONCURRENCY} (a branch row per client, as TPC-B has it), then the
     * builtin script for a warm-up and for the measured seconds, as the server's superuser in a database of its own.
     */
    private Pgbench pgbench() {
        int clients = config.concurrency();
        int scale = clients;
        Optional<Path> executable = pgbenchExecutable();
        if (executable.isEmpty()) {
            return new Pgbench(0, 0, clients, scale, "pgbench not found on PATH (apt-get install postgresql-client)");
        }
        URI server = URI.create(stack.jdbcUrl().substring("jdbc:".length()));
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
                Statement s = db.createStatement()) {
            s.execute("drop database if exists " + PGBENCH_DATABASE + " with (force)");
            s.execute("create database " + PGBENCH_DATABASE);
            try {
                List<String> connection = List.of("-h", server.getHost(), "-p", String.valueOf(server.getPort()),
                        "-U", stack.dbUser());
                long started = System.nanoTime();
                pgbench(executable.get(), connection, List.of("-i", "-q", "-s", String.valueOf(scale)),
                        Duration.ofMinutes(10));
                System.out.println(Format.of("   pgbench: initialized at scale %d (%d accounts) in %s", scale,
                        scale * 100_000, Format.seconds(Duration.ofNanos(System.nanoTime() - started))));
                List<String> load = List.of("-b", "tpcb-like", "-c", String.valueOf(clients), "-j",
                        String.valueOf(clients));
                if (config.warmUp() > 0) {
                    pgbench(executable.get(), connection, concat(load, "-T", String.valueOf(config.warmUp())),
                            Duration.ofSeconds(config.ledgerWarmUp() + 120));
                }
                String output = pgbench(executable.get(), connection,
                        concat(load, "-T", String.valueOf(config.seconds())), Duration.ofSeconds(config.seconds() + 120));
                Matcher tps = TPS.matcher(output);
                Matcher latency = LATENCY.matcher(output);
                if (!tps.find()) {
                    return new Pgbench(0, 0, clients, scale, "pgbench printed no tps: " + output.strip());
                }
                return new Pgbench(Double.parseDouble(tps.group(1)),
                        latency.find() ? Double.parseDouble(latency.group(1)) : 0, clients, scale, "");
            } finally {
                s.execute("drop database if exists " + PGBENCH_DATABASE + " with (force)");
            }
        } catch (SQLException | IOException e) {
            return new Pgbench(0, 0, clients, scale, "pgbench failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Pgbench(0, 0, clients, scale, "interrupted");
        }
    }

    private String pgbench(Path executable, List<String> connection, List<String> args, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(connection);
        command.addAll(args);
        command.add(PGBENCH_DATABASE);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", stack.dbPassword());
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("pgbench " + String.join(" ", args) + " still running after " + timeout);
        }
        if (process.exitValue() != 0) {
            throw new IOException("pgbench " + String.join(" ", args) + " exited with " + process.exitValue() + ": "
                    + output.strip());
        }
        return output;
    }

    /** {@code pgbench} on the PATH, else of an installed PostgreSQL (Debian keeps it under /usr/lib/postgresql). */
    static Optional<Path> pgbenchExecutable() {
        String path = System.getenv("PATH");
        List<Path> candidates = new ArrayList<>();
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "pgbench"));
                }
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(java.util.Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin/pgbench")));
            } catch (IOException e) {
                // nothing more to look at
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private String token() {
        return stack.keycloak().passwordToken(DemoData.OPERATOR, DemoData.DEMO_PASSWORD);
    }
}
