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
import java.sql.ResultSet;
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
 * entry with its balance row locked and updated, its audit row and the key's record with the answer written in the
 * same transaction) from
 * {@code BENCH_CONCURRENCY} client threads over a set of members, through a gateway like the stack's with the rate
 * limit off; then {@code pgbench -c N -j N -T S} of the builtin {@code tpcb-like} script (three updates, a select and
 * an insert per transaction) with the same number of clients, in a database of its own on the stack's server,
 * dropped afterwards; then {@code BENCH_ROUNDS} paired rounds of the two back to back, whose median ratio is the one
 * the target is read against. Without {@code pgbench} on the machine the comparison is skipped and says so.
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
    record Result(LoadResult postings, Pgbench pgbench, String load, List<Double> paired) {

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
            if (!paired.isEmpty()) {
                summary.add("ledger paired", Format.of("postings ÷ TPC-B, median of %d paired rounds: %.2fx (range"
                        + " %.2fx-%.2fx; target >= 0.2x)", paired.size(), SecurityOverheadBench.medianOf(paired),
                        paired.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                        paired.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
            }
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
            // both Java processes on the posting's path: the service and the gateway in front of it
            List<Profile> recordings = new ArrayList<>();
            for (Map.Entry<String, Long> process : List.of(
                    Map.entry("store-console", stack.service("store-console").process().pid()),
                    Map.entry("gateway", gateway.process().pid()))) {
                try {
                    recordings.add(Profile.start(process.getKey(), process.getValue(),
                            profileDir.resolve(process.getKey() + "-ledger.jfr")));
                } catch (RuntimeException e) {
                    System.out.println("   WARNING: no profile of " + process.getKey() + ": " + e.getMessage());
                }
            }
            statements.reset();
            LoadResult postings = new LoadRunner(config.concurrency(), Duration.ZERO,
                    Duration.ofSeconds(config.seconds()), cpu)
                    .run("points adjustments", thread -> session(gateway.url(), token, store, members));
            statements.print("posting", postings.requests());
            for (Profile recording : recordings) {
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
                System.out.println("   CPU per posting by process (µs): "
                        + perOperation(usage, postings.requestsPerSecond()));
            });
            Pgbench replay = replay(store, members);
            System.out.println(replay.ran()
                    ? Format.of("   the posting's own SQL replayed by pgbench (its statements and round trips, no"
                            + " HTTP, no Java): %.0f postings/s, mean %.1f ms; the API does %.2fx of its own SQL",
                            replay.tps(), replay.latencyMillis(), postings.requestsPerSecond() / replay.tps())
                    : "   the posting's SQL replay: skipped, " + replay.skipped());
            try (Tpcb tpcb = Tpcb.prepare(this)) {
                Pgbench pgbench = tpcb.measure(Duration.ofSeconds(config.seconds()), true);
                System.out.println(pgbench.ran()
                        ? Format.of("   pgbench tpcb-like: %.0f tps, mean latency %.1f ms (%s); postings are %.2fx of"
                                + " it", pgbench.tps(), pgbench.latencyMillis(), Format.load(),
                                postings.requestsPerSecond() / pgbench.tps())
                        : "   pgbench: skipped, " + pgbench.skipped());
                List<Double> paired = pgbench.ran() ? pairedRounds(tpcb, gateway.url(), token, store, members)
                        : List.of();
                return new Result(postings, pgbench, load, paired);
            }
        } finally {
            stack.stopService(GATEWAY);
        }
    }

    /**
     * Microseconds of CPU each posting cost in each process of the stack (and the client), most first: the posting's
     * own request path and the work it sets off (its events relayed through Kafka, their consumers, search indexing).
     */
    static String perOperation(CpuMeter.Usage usage, double perSecond) {
        double perRequest = perSecond == 0 ? 0 : 1e6 / perSecond;
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
     * The ratio measured so that the machine's moment cancels out, as the read path's is: {@code BENCH_ROUNDS}
     * rounds, each the API's postings and TPC-B back to back (alternating which goes first; {@value #ROUND_WARM_UP_SECONDS} s
     * warm-up and the part's seconds each, nothing profiled). Single runs of TPC-B on this machine ranged from
     * 2,069 to 2,966 tps within one evening while the API's rate moved far less.
     */
    private List<Double> pairedRounds(Tpcb tpcb, String gatewayUrl, String token, String store, List<UUID> members) {
        if (config.rounds() == 0) {
            return List.of();
        }
        System.out.println(Format.of("   paired rounds: %d, each the API's postings and TPC-B back to back (%d s warm-up,"
                + " %d s measured each; alternating which goes first)", config.rounds(), ROUND_WARM_UP_SECONDS,
                config.seconds()));
        LoadRunner runner = new LoadRunner(config.concurrency(), Duration.ofSeconds(ROUND_WARM_UP_SECONDS),
                Duration.ofSeconds(config.seconds()), cpu);
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= config.rounds(); round++) {
            LoadResult api = null;
            Pgbench tpcbRound = null;
            for (int step = 0; step < 2; step++) {
                if ((step == 0) == (round % 2 == 1)) {
                    api = runner.run("points adjustments round " + round,
                            thread -> session(gatewayUrl, token, store, members));
                } else {
                    tpcb.warmUp(Duration.ofSeconds(ROUND_WARM_UP_SECONDS));
                    tpcbRound = tpcb.measure(Duration.ofSeconds(config.seconds()), false);
                }
            }
            if (api == null || tpcbRound == null || !tpcbRound.ran()) {
                System.out.println("   round " + round + ": TPC-B did not run"
                        + (tpcbRound == null ? "" : ", " + tpcbRound.skipped()));
                continue;
            }
            double ratio = api.requestsPerSecond() / tpcbRound.tps();
            ratios.add(ratio);
            System.out.println(Format.of("   round %d API %6.0f postings/s (p99 %.1f ms, %d errors), TPC-B %6.0f tps:"
                    + " %.2fx", round, api.requestsPerSecond(), api.millis(99), api.errors(), tpcbRound.tps(), ratio));
        }
        if (!ratios.isEmpty()) {
            System.out.println(Format.of("   postings ÷ TPC-B: %.2fx, median of %d paired rounds (range %.2fx-%.2fx)",
                    SecurityOverheadBench.medianOf(ratios), ratios.size(),
                    ratios.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        }
        return ratios;
    }

    private static final int ROUND_WARM_UP_SECONDS = 3;

    /**
     * TPC-B's database: {@code pgbench -i} at scale {@code BENCH_CONCURRENCY} (a branch row per client, as TPC-B has
     * it) in a database of its own, as the server's superuser, warmed once with the builtin script; each
     * {@link #measure} runs the script for the given seconds. Dropped when closed. Without {@code pgbench} (or when
     * it fails) every measurement says why instead.
     */
    private static final class Tpcb implements AutoCloseable {

        private final PointsLedgerBench bench;
        private final int clients;
        private final @org.jspecify.annotations.Nullable Path executable;
        private final List<String> connection;
        private String skipped;

        private Tpcb(PointsLedgerBench bench, @org.jspecify.annotations.Nullable Path executable,
                List<String> connection, String skipped) {
            this.bench = bench;
            this.clients = bench.config.concurrency();
            this.executable = executable;
            this.connection = connection;
            this.skipped = skipped;
        }

        static Tpcb prepare(PointsLedgerBench bench) {
            Optional<Path> executable = pgbenchExecutable();
            if (executable.isEmpty()) {
                return new Tpcb(bench, null, List.of(),
                        "pgbench not found on PATH (apt-get install postgresql-client)");
            }
            URI server = URI.create(bench.stack.jdbcUrl().substring("jdbc:".length()));
            Tpcb tpcb = new Tpcb(bench, executable.get(), List.of("-h", server.getHost(), "-p",
                    String.valueOf(server.getPort()), "-U", bench.stack.dbUser()), "");
            int scale = tpcb.clients;
            try {
                tpcb.sql("drop database if exists " + PGBENCH_DATABASE + " with (force)");
                tpcb.sql("create database " + PGBENCH_DATABASE);
                long started = System.nanoTime();
                bench.pgbench(executable.get(), tpcb.connection, List.of("-i", "-q", "-s", String.valueOf(scale)),
                        Duration.ofMinutes(10));
                System.out.println(Format.of("   pgbench: initialized at scale %d (%d accounts) in %s", scale,
                        scale * 100_000, Format.seconds(Duration.ofNanos(System.nanoTime() - started))));
                if (bench.config.warmUp() > 0) {
                    tpcb.warmUp(Duration.ofSeconds(bench.config.warmUp()));
                }
            } catch (SQLException | IOException e) {
                tpcb.skipped = "pgbench failed: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tpcb.skipped = "interrupted";
            }
            return tpcb;
        }

        void warmUp(Duration time) {
            if (!skipped.isEmpty() || executable == null) {
                return;
            }
            try {
                bench.pgbench(executable, connection, concat(load(), "-T", String.valueOf(time.toSeconds())),
                        time.plusSeconds(120));
            } catch (IOException e) {
                skipped = "pgbench failed: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                skipped = "interrupted";
            }
        }

        /** The builtin script for {@code time}; with {@code cpu}, the CPU per transaction of each process printed. */
        Pgbench measure(Duration time, boolean cpu) {
            int scale = clients;
            if (!skipped.isEmpty() || executable == null) {
                return new Pgbench(0, 0, clients, scale, skipped);
            }
            try {
                Optional<CpuMeter.Snapshot> before = bench.cpu.snapshot();
                String output = bench.pgbench(executable, connection, concat(load(), "-T",
                        String.valueOf(time.toSeconds())), time.plusSeconds(120));
                Optional<CpuMeter.Usage> used = bench.cpu.since(before);
                Matcher tps = TPS.matcher(output);
                Matcher latency = LATENCY.matcher(output);
                if (!tps.find()) {
                    return new Pgbench(0, 0, clients, scale, "pgbench printed no tps: " + output.strip());
                }
                double rate = Double.parseDouble(tps.group(1));
                if (cpu) {
                    used.ifPresent(usage -> System.out.println("   CPU per TPC-B transaction by process (µs): "
                            + perOperation(usage, rate)));
                }
                return new Pgbench(rate, latency.find() ? Double.parseDouble(latency.group(1)) : 0, clients, scale,
                        "");
            } catch (IOException e) {
                return new Pgbench(0, 0, clients, scale, "pgbench failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Pgbench(0, 0, clients, scale, "interrupted");
            }
        }

        private List<String> load() {
            return List.of("-b", "tpcb-like", "-c", String.valueOf(clients), "-j", String.valueOf(clients));
        }

        private void sql(String statement) throws SQLException {
            try (Connection db = DriverManager.getConnection(bench.stack.jdbcUrl(), bench.stack.dbUser(),
                    bench.stack.dbPassword()); Statement s = db.createStatement()) {
                s.execute(statement);
            }
        }

        @Override
        public void close() {
            if (executable == null) {
                return;
            }
            try {
                sql("drop database if exists " + PGBENCH_DATABASE + " with (force)");
            } catch (SQLException e) {
                System.out.println("   WARNING: could not drop " + PGBENCH_DATABASE + ": " + e.getMessage());
            }
        }
    }

    /** The members the replay posts to, by number (pgbench variables cannot hold a UUID). */
    private static final String REPLAY_MEMBERS = "public.m4s_bench_replay_member";

    /**
     * What a keyed staff adjustment sends PostgreSQL, replayed by pgbench with the measured part's clients and seconds,
     * as the server's superuser switching to the store's role as the service does: the one transaction and seven
     * round trips {@code PostingRoundTripsTest} lists (the balance lock with the role switch, the entry, the lot, the
     * balance, the key's record with the answer, the audit row of the entry, the commit),
     * each round trip a pgbench pipeline, every statement prepared by name as the driver has them once warm. The
     * entries it makes are real adjustments of one point (entry, lot and balance agree). Its rate is the ceiling the
     * SQL sets: what the API does beyond it is the cost of HTTP, the gateway and the service.
     */
    private Pgbench replay(String store, List<UUID> members) {
        int clients = config.concurrency();
        Optional<Path> executable = pgbenchExecutable();
        if (executable.isEmpty()) {
            return new Pgbench(0, 0, clients, 0, "pgbench not found on PATH");
        }
        String schema = com.m4s.platform.tenancy.Tenant.SCHEMA_PREFIX + store;
        URI server = URI.create(stack.jdbcUrl().substring("jdbc:".length()));
        String database = server.getPath().substring(1);
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
                Statement s = db.createStatement()) {
            // the role the service switches to is the one that owns the store's schema (whatever its prefix)
            String role;
            try (ResultSet owner = s.executeQuery("select nspowner::regrole::text from pg_namespace where nspname = '"
                    + schema + "'")) {
                if (!owner.next()) {
                    return new Pgbench(0, 0, clients, 0, "no schema " + schema);
                }
                role = owner.getString(1);
            }
            s.execute("drop table if exists " + REPLAY_MEMBERS);
            s.execute("create table " + REPLAY_MEMBERS + " (n int primary key, id uuid not null)");
            try {
                StringBuilder rows = new StringBuilder();
                for (int i = 0; i < members.size(); i++) {
                    rows.append(i == 0 ? "" : ", ").append("(").append(i + 1).append(", '").append(members.get(i))
                            .append("')");
                }
                s.execute("insert into " + REPLAY_MEMBERS + " values " + rows);
                Path script = Files.createTempFile("m4s-posting-", ".sql");
                try {
                    Files.writeString(script, REPLAY_SCRIPT.formatted(members.size(), schema, role, REPLAY_MEMBERS));
                    List<String> connection = List.of("-h", server.getHost(), "-p", String.valueOf(server.getPort()),
                            "-U", stack.dbUser());
                    List<String> load = List.of("-n", "-M", "prepared", "-c", String.valueOf(clients), "-j",
                            String.valueOf(clients), "-f", script.toString());
                    // names the statements leave unqualified resolve when pgbench prepares them, as in the store
                    Map<String, String> path = Map.of("PGOPTIONS", "-c search_path=" + schema + ",public");
                    pgbench(executable.get(), connection, concat(load, "-T", "10"), Duration.ofSeconds(130),
                            database, path);
                    Optional<CpuMeter.Snapshot> before = cpu.snapshot();
                    String output = pgbench(executable.get(), connection,
                            concat(load, "-T", String.valueOf(config.seconds())),
                            Duration.ofSeconds(config.seconds() + 120), database, path);
                    Optional<CpuMeter.Usage> used = cpu.since(before);
                    Matcher tps = TPS.matcher(output);
                    Matcher latency = LATENCY.matcher(output);
                    if (!tps.find()) {
                        return new Pgbench(0, 0, clients, 0, "pgbench printed no tps: " + output.strip());
                    }
                    // the same server's CPU per posting as in the API's run above: what the service adds to it
                    double rate = Double.parseDouble(tps.group(1));
                    used.ifPresent(usage -> System.out.println("   CPU per replayed posting by process (µs): "
                            + perOperation(usage, rate)));
                    return new Pgbench(Double.parseDouble(tps.group(1)),
                            latency.find() ? Double.parseDouble(latency.group(1)) : 0, clients, 0, "");
                } finally {
                    Files.deleteIfExists(script);
                }
            } finally {
                s.execute("drop table if exists " + REPLAY_MEMBERS);
            }
        } catch (SQLException | IOException e) {
            return new Pgbench(0, 0, clients, 0, "the replay failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Pgbench(0, 0, clients, 0, "interrupted");
        }
    }

    /**
     * The statements of a keyed adjustment as the driver sends them (decision 0030, "Cost of a posting"); {@code %1$d}
     * members, {@code %2$s} the store's schema, {@code %3$s} its role, {@code %4$s} the member table. pgbench reads
     * {@code :name} as a variable anywhere, so the audit rows' texts have no colon before a letter or digit.
     */
    private static final String REPLAY_SCRIPT = """
            \\set n random(1, %1$d)
            select id as mid, gen_random_uuid() as k, gen_random_uuid() as eid, gen_random_uuid() as lid, \
            gen_random_uuid() as claim from %4$s where n = :n \\gset
            \\startpipeline
            begin;
            set local role %3$s;
            select pg_catalog.set_config('search_path', '%2$s', true);
            select b.id, b.available, b.created_at, b.debt, b.lifetime_earned, b.pending, b.updated_at, b.version, \
            e.id as earlier_id, e.request_hash as earlier_hash, e.member_id as earlier_member, p.kind as policy_kind, \
            p.months as policy_months from points_balance b left join points_entry e on e.idempotency_key = :k \
            left join lateral (select kind, months from points_expiry_policy order by policy_version desc limit 1) p \
            on true where b.id = :mid for no key update of b;
            \\endpipeline
            insert into points_entry (activates_at, available_delta, cause_id, created_at, created_by, debt_delta, \
            earned_delta, idempotency_key, kind, member_id, pending_delta, reason, request_hash, rule_version, \
            source_id, source_ref, source_type, updated_at, version, id) values (null, 1, null, now(), 'bench-replay', \
            0, 0, :k, 'ADJUST', :mid, 0, '基准测试', \
            '6a8ad814006e7f7ac770e1af803dd53b466b354f5772af17d8dee36586e03dcc', null, null, null, 'STAFF_ADJUSTMENT', \
            now(), 0, :eid);
            insert into points_lot (created_at, earned_at, entry_id, expires_at, expires_on, member_id, points, \
            remaining, updated_at, version, id) values (now(), now(), :eid, null, null, :mid, 1, 1, now(), 0, :lid);
            update points_balance set available = available + 1, created_at = created_at, debt = debt, \
            lifetime_earned = lifetime_earned, pending = pending, updated_at = now(), version = version + 1 \
            where id = :mid and version >= 0;
            insert into %2$s.idempotency_record as r (caller_subject, idempotency_key, fingerprint, claim_id, state, \
            status, content_type, location, body, created_at, completed_at, expires_at) values ('bench-replay', :k, \
            '457f96f51f5eaabdea0286c4859b5afcfd1c5de5138456fdf681d7027a407820', :claim, 'COMPLETED', 200, \
            'application/json', null, decode(repeat('ab', 167), 'hex'), now(), now(), now() + interval '1 day') \
            on conflict (caller_subject, idempotency_key) do update set fingerprint = excluded.fingerprint, \
            claim_id = excluded.claim_id, state = excluded.state, status = excluded.status, \
            content_type = excluded.content_type, location = excluded.location, body = excluded.body, \
            created_at = excluded.created_at, completed_at = excluded.completed_at, expires_at = excluded.expires_at \
            where r.expires_at <= excluded.created_at returning 1;
            \\startpipeline
            insert into audit_event (id, occurred_at, actor_subject, actor_name, actor_role, client_ip, action, \
            entity_type, entity_id, changes, actor_display_name) values (gen_random_uuid(), now(), 'bench-replay', \
            'operator', 'store-manager', '127.0.0.1', 'CREATE', 'pointsEntry', :eid, cast('{"kind": {"after": \
            "ADJUST"}, "reason": {"after": "基准测试"}, "causeId": {"after": null}, "memberId": {"after": \
            "ad0a728c-1c14-4bce-94ea-db689a7a52d3"}, "sourceId": {"after": null}, "createdAt": {"after": \
            "2026-12-05T073543.080414355Z"}, "createdBy": {"after": "operator"}, "debtDelta": {"after": 0}, \
            "sourceRef": {"after": null}, "sourceType": {"after": "STAFF_ADJUSTMENT"}, "activatesAt": {"after": \
            null}, "earnedDelta": {"after": 0}, "requestHash": {"after": \
            "6a8ad814006e7f7ac770e1af803dd53b466b354f5772af17d8dee36586e03dcc"}, "ruleVersion": {"after": null}, \
            "pendingDelta": {"after": 0}, "availableDelta": {"after": 1}, "idempotencyKey": {"after": \
            "adjust-2e69a794-c536-4e6c-b67c-36932d255bf7-d8610b96-2e3e-45bc-ba05-952981fd726a"}}' as jsonb), \
            '运营');
            \\endpipeline
            commit;
            """;

    private String pgbench(Path executable, List<String> connection, List<String> args, Duration timeout)
            throws IOException, InterruptedException {
        return pgbench(executable, connection, args, timeout, PGBENCH_DATABASE, Map.of());
    }

    private String pgbench(Path executable, List<String> connection, List<String> args, Duration timeout,
            String database, Map<String, String> environment) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(connection);
        command.addAll(args);
        command.add(database);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", stack.dbPassword());
        builder.environment().putAll(environment);
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
