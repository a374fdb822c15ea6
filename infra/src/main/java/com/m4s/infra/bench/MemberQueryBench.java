package com.m4s.infra.bench;

import com.m4s.infra.stack.DemoData;
import com.m4s.infra.stack.JavaService;
import com.m4s.infra.stack.Stack;
import com.m4s.platform.servers.Api;
import java.net.URLEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * Loads members into one store through the gateway, then measures the first page of the member list and of member
 * search three ways: the service's own statement straight on PostgreSQL, store-console called directly, and the
 * public route through the gateway. The differences are what the service and the gateway cost. Then grows the store
 * with bulk SQL and measures again, profiling store-console and the gateway during the list via the gateway.
 */
final class MemberQueryBench {

    /** The warm-up of part 4's rounds (which warm up with whole rounds as well). */
    static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOADER_THREADS = 4;

    enum Query {
        LIST("list"), SEARCH("search");

        final String label;

        Query(String label) {
            this.label = label;
        }
    }

    enum Route {
        SQL("direct SQL (JDBC)"), STORE_CONSOLE("store-console direct"), GATEWAY("via gateway");

        final String label;

        Route(String label) {
            this.label = label;
        }
    }

    /**
     * The six measurements (each query, each route) at one number of members in the store, and each query's ratios
     * gateway ÷ SQL of the paired rounds that followed them (empty without rounds).
     */
    record Measurement(int members, Map<Query, Map<Route, LoadResult>> results, List<String> differences,
            Map<Query, List<Double>> rounds) {

        /** The median of the paired rounds' ratios, or the single measurement's ratio without rounds. */
        double gatewayRatio(Query query) {
            List<Double> ratios = rounds.getOrDefault(query, List.of()).stream().sorted().toList();
            if (ratios.isEmpty()) {
                return of(query, Route.GATEWAY).ratioTo(of(query, Route.SQL));
            }
            int n = ratios.size();
            return n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
        }

        LoadResult of(Query query, Route route) {
            return results.get(query).get(route);
        }
    }

    /**
     * @param loadTime loading {@code members} through the gateway
     * @param bulkLoad growing the store to the second count with SQL, when it was
     * @param measurements at {@code members}, then at the second count
     * @param profiles of store-console and the gateway during the last list via the gateway, those that were taken
     */
    record Result(String store, int members, Duration loadTime, Optional<Duration> bulkLoad,
            List<Measurement> measurements, List<Profile.Report> profiles) {

        void summarize(Summary summary) {
            String load = Format.of("%d members in %s via the gateway (%.0f members/s)", members,
                    Format.seconds(loadTime), members / (loadTime.toNanos() / 1e9));
            if (bulkLoad.isPresent()) {
                int large = measurements.getLast().members();
                load += Format.of("; grown to %d with bulk SQL in %s", large, Format.seconds(bulkLoad.get()));
            }
            summary.add("member load (setup)", load);
            if (measurements.size() > 1) {
                summary.add("member counts", each(m -> Integer.toString(m.members()))
                        + " (figures below side by side in this order)");
            }
            for (Query query : Query.values()) {
                summary.add(query.label + " req/s", Format.of("SQL %s, store-console %s (%s of SQL), gateway %s (%s"
                        + " of SQL)", each(m -> Format.of("%.0f", m.of(query, Route.SQL).requestsPerSecond())),
                        each(m -> Format.of("%.0f", m.of(query, Route.STORE_CONSOLE).requestsPerSecond())),
                        each(m -> Format.of("%.2fx", m.of(query, Route.STORE_CONSOLE).ratioTo(m.of(query, Route.SQL)))),
                        each(m -> Format.of("%.0f", m.of(query, Route.GATEWAY).requestsPerSecond())),
                        each(m -> Format.of("%.2fx", m.of(query, Route.GATEWAY).ratioTo(m.of(query, Route.SQL))))));
                if (measurements.stream().anyMatch(m -> !m.rounds().isEmpty())) {
                    summary.add(query.label + " paired", Format.of("gateway ÷ SQL, median of %s paired rounds: %s",
                            each(m -> Integer.toString(m.rounds().getOrDefault(query, List.of()).size())),
                            each(m -> Format.of("%.2fx", m.gatewayRatio(query)))));
                }
                summary.add(query.label + " p50", Format.of("SQL %s ms, store-console %s ms, gateway %s ms",
                        each(m -> Format.of("%.2f", m.of(query, Route.SQL).millis(50))),
                        each(m -> Format.of("%.2f", m.of(query, Route.STORE_CONSOLE).millis(50))),
                        each(m -> Format.of("%.2f", m.of(query, Route.GATEWAY).millis(50)))));
            }
            List<String> differences = measurements.stream().flatMap(m -> m.differences().stream()).toList();
            summary.add("SQL and service agree", differences.isEmpty()
                    ? "same page and total via the gateway and SQL (list and searches, at " + each(
                            m -> Integer.toString(m.members())) + " members)"
                    : "NO, " + differences.size() + " differences (see part 3): " + String.join("; ", differences));
            for (Profile.Report profile : profiles) {
                summary.add("profile " + profile.service(), profile.headline() + ", " + profile.during());
            }
        }

        /** One figure per measurement, side by side. */
        private String each(java.util.function.Function<Measurement, String> figure) {
            return measurements.stream().map(figure).collect(Collectors.joining(" | "));
        }
    }

    /** The gateway measured: the stack's settings but the rate limit, beside the stack's own gateway. */
    private static final String GATEWAY = "gateway-members";

    private final Stack stack;
    private final BenchConfig config;
    private final CpuMeter cpu;
    private final Path profileDir;
    private JavaService gateway;

    /** @param profileDir where the JFR recordings of the services are written (and kept) */
    MemberQueryBench(Stack stack, BenchConfig config, CpuMeter cpu, Path profileDir) {
        this.stack = stack;
        this.config = config;
        this.cpu = cpu;
        this.profileDir = profileDir;
    }

    Result run(String store) {
        System.out.println();
        System.out.println("== 3. Members list and search in store " + store + ": direct SQL vs store-console vs"
                + " gateway");
        boolean grow = config.largeMembers() > config.members();
        if (!grow && config.largeMembers() > 0) {
            System.out.println(Format.of("   (BENCH_LARGE_MEMBERS %d is not above BENCH_MEMBERS %d: measured at one"
                    + " count only)", config.largeMembers(), config.members()));
        }
        int gatewayPort = Stack.freePort();
        gateway = stack.startVariant(GATEWAY, "platform/gateway", gatewayPort,
                Map.of("M4S_GATEWAY_PORT", String.valueOf(gatewayPort),
                        "M4S_STORE_CONSOLE_URL", stack.service("store-console").url()), List.of(),
                List.of("--m4s.gateway.rate-limit.enabled=false"));
        System.out.println("   a second gateway like the stack's, with the per-store rate limit off (it would cap"
                + " the store at 100 req/s and measure the policy, not the platform), loads, checks and measures: "
                + gateway.url());
        // the members are created through it as well: creating them is faster than the store's limit
        Duration load = new MemberLoader(new Api(gateway.url()).withToken(token()), LOADER_THREADS)
                .load(store, config.members());
        System.out.println(Format.of("   setup: loaded %d members (one vehicle each) through the gateway with %d"
                + " threads in %s (%.0f members/s)", config.members(), LOADER_THREADS, Format.seconds(load),
                config.members() / (load.toNanos() / 1e9)));
        List<Measurement> measurements = new ArrayList<>();
        List<Profile.Report> profiles = new ArrayList<>();
        Optional<Duration> bulkLoad = Optional.empty();
        try {
            // the list via the gateway is profiled at the larger count (the only one when the store is not grown)
            measurements.add(measure(store, config.members(), grow ? null : profiles));
            if (grow) {
                bulkLoad = Optional.of(grow(store, config.members(), config.largeMembers()));
                measurements.add(measure(store, config.largeMembers(), profiles));
            }
        } finally {
            stack.stopService(GATEWAY);
        }
        Result result = new Result(store, config.members(), load, bulkLoad, measurements, profiles);
        if (!profiles.isEmpty()) {
            System.out.println();
            System.out.println("   Where the time goes: CPU profiles of the services while they answered the list via"
                    + " the gateway");
            profiles.forEach(Profile.Report::print);
        }
        return result;
    }

    /** Adds members {@code from..to-1} with bulk SQL and prints how long that took. */
    private Duration grow(String store, int from, int to) {
        System.out.println();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword())) {
            Duration took = MemberBulkLoader.grow(c, store, from, to);
            System.out.println(Format.of("   setup: grew the store to %d members with bulk SQL in %s (%.0f members/s):"
                    + " members %d..%d, one vehicle each, the values the API would store, %d per transaction, then"
                    + " analyze", to, Format.seconds(took), (to - from) / (took.toNanos() / 1e9), from, to - 1,
                    MemberBulkLoader.BATCH));
            return took;
        } catch (SQLException e) {
            throw new IllegalStateException("growing store " + store + " to " + to + " members failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Checks the answers, then measures every query every way at the store's current size.
     *
     * @param profiles where to put the profiles of the list via the gateway, or null to take none
     */
    private Measurement measure(String store, int members, List<Profile.Report> profiles) {
        System.out.println();
        System.out.println(Format.of("   -- at %d members", members));
        List<String> differences = checkSameAnswers(store, members);
        System.out.println(Format.of("   measuring: %d client threads, %d s warm-up then %d s each; HTTP/1.1 with one"
                + " keep-alive connection per thread (plain socket), SQL with one JDBC connection per thread",
                config.concurrency(), config.warmUp(), config.seconds()));
        LoadRunner runner = new LoadRunner(config.concurrency(), Duration.ofSeconds(config.warmUp()),
                Duration.ofSeconds(config.seconds()), cpu);
        warmServices(store);
        Map<Query, Map<Route, LoadResult>> results = new EnumMap<>(Query.class);
        for (Query query : Query.values()) {
            for (Route route : Route.values()) {
                // one token per measurement, shared by the client threads: parallel sign-ins of one user make
                // Keycloak's brute-force detection suspicious
                String token = route == Route.SQL ? "" : token();
                String name = query.label + " " + route.label;
                boolean profiled = profiles != null && query == Query.LIST && route == Route.GATEWAY;
                List<Profile> recordings = profiled ? startProfiles(members) : List.of();
                LoadResult result;
                try {
                    result = runner.run(name, sessions(query, route, store, token));
                } finally {
                    for (Profile recording : recordings) {
                        stopProfile(recording, name + " at " + members + " members, warm-up included").ifPresent(profiles::add);
                    }
                }
                System.out.println(Format.of("   ... %-32s %8.1f req/s%s", result.name(),
                        result.requestsPerSecond(), profiled ? " (services profiled with JFR meanwhile)" : ""));
                results.computeIfAbsent(query, q -> new EnumMap<>(Route.class)).put(route, result);
            }
        }
        Measurement measurement = new Measurement(members, results, differences, Map.of());
        print(measurement);
        Map<Query, List<Double>> rounds = pairedRounds(store);
        return new Measurement(members, results, differences, rounds);
    }

    /** Warm-up of each half of a paired round: the services are warm by then; this only fills the connections. */
    private static final Duration ROUND_WARM_UP = Duration.ofSeconds(3);

    /**
     * The ratio the target is set on, measured so that the machine's moment cancels out: {@code BENCH_ROUNDS} rounds,
     * each the SQL and the gateway back to back for each query (alternating which goes first), nothing profiled;
     * the figure is the median of the rounds' ratios. Single measurements of the same ratio on a quiet machine
     * ranged from half to one and a half times each other between runs (the SQL's own rate did).
     */
    private Map<Query, List<Double>> pairedRounds(String store) {
        Map<Query, List<Double>> ratios = new EnumMap<>(Query.class);
        if (config.rounds() == 0) {
            return ratios;
        }
        System.out.println();
        System.out.println(Format.of("   paired rounds: %d, each the SQL and the gateway back to back per query (%d s"
                + " warm-up, %d s measured each; alternating which goes first)", config.rounds(),
                ROUND_WARM_UP.toSeconds(), config.seconds()));
        LoadRunner runner = new LoadRunner(config.concurrency(), ROUND_WARM_UP, Duration.ofSeconds(config.seconds()),
                cpu);
        for (int round = 1; round <= config.rounds(); round++) {
            for (Query query : Query.values()) {
                List<Route> order = round % 2 == 1 ? List.of(Route.SQL, Route.GATEWAY)
                        : List.of(Route.GATEWAY, Route.SQL);
                Map<Route, LoadResult> pair = new EnumMap<>(Route.class);
                for (Route route : order) {
                    String token = route == Route.SQL ? "" : token();
                    pair.put(route, runner.run(query.label + " " + route.label + " round " + round,
                            sessions(query, route, store, token)));
                }
                double ratio = pair.get(Route.GATEWAY).ratioTo(pair.get(Route.SQL));
                ratios.computeIfAbsent(query, q -> new ArrayList<>()).add(ratio);
                System.out.println(Format.of("   round %d %-6s SQL %8.1f req/s, gateway %8.1f req/s (p99 %.2f ms): %.2fx",
                        round, query.label, pair.get(Route.SQL).requestsPerSecond(),
                        pair.get(Route.GATEWAY).requestsPerSecond(), pair.get(Route.GATEWAY).millis(99), ratio));
            }
        }
        for (Query query : Query.values()) {
            Measurement only = new Measurement(0, Map.of(), List.of(), ratios);
            System.out.println(Format.of("   %-6s via gateway: %.2fx of direct SQL, median of %d paired rounds (range"
                    + " %.2fx-%.2fx)", query.label, only.gatewayRatio(query), ratios.get(query).size(),
                    ratios.get(query).stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    ratios.get(query).stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        }
        return ratios;
    }

    /**
     * Runs every query on both HTTP routes for the warm-up time before anything is measured, counting nothing. The
     * per-measurement warm-up alone left the JIT compiling the services' request path during the first measured
     * route (the list): the compiler threads took about 40 % of store-console's and the gateway's CPU there (JFR
     * {@code jdk.ThreadCPULoad}), which the CPU table charged to the list.
     */
    private void warmServices(String store) {
        LoadRunner warming = new LoadRunner(config.concurrency(), Duration.ofSeconds(config.warmUp()),
                Duration.ofSeconds(1), cpu);
        long start = System.nanoTime();
        for (Query query : Query.values()) {
            for (Route route : List.of(Route.STORE_CONSOLE, Route.GATEWAY)) {
                warming.run(query.label + " " + route.label + " (warming)", sessions(query, route, store, token()));
            }
        }
        System.out.println(Format.of("   services warmed first: each query on both HTTP routes for %d s, not counted"
                + " (%s)", config.warmUp(), Format.seconds(Duration.ofNanos(System.nanoTime() - start))));
    }

    /** Starts a JFR recording of store-console and of the gateway; a service that cannot be recorded is left out. */
    private List<Profile> startProfiles(int members) {
        List<Profile> recordings = new ArrayList<>();
        Map<String, JavaService> services = new LinkedHashMap<>();
        services.put("store-console", stack.service("store-console"));
        services.put("gateway", gateway);
        for (Map.Entry<String, JavaService> entry : services.entrySet()) {
            String service = entry.getKey();
            try {
                recordings.add(Profile.start(service, entry.getValue().process().pid(),
                        profileDir.resolve(service + "-list-" + members + ".jfr")));
            } catch (RuntimeException e) {
                System.out.println("   WARNING: no profile of " + service + ": " + e.getMessage());
            }
        }
        return recordings;
    }

    private static Optional<Profile.Report> stopProfile(Profile recording, String during) {
        try {
            return Optional.of(recording.stop(during));
        } catch (RuntimeException e) {
            System.out.println("   WARNING: no profile: " + e.getMessage());
            return Optional.empty();
        }
    }

    private LoadRunner.SessionFactory sessions(Query query, Route route, String store, String token) {
        return thread -> {
            Iterator<String> texts = IntStream.iterate(thread, n -> n + config.concurrency())
                    .mapToObj(BenchMembers::searchFragment).iterator();
            return switch (route) {
                case SQL -> sqlSession(query, store, texts);
                case STORE_CONSOLE -> httpSession(stack.service("store-console").url(), token, query, store, texts);
                case GATEWAY -> httpSession(gateway.url(), token, query, store, texts);
            };
        };
    }

    private LoadRunner.Session sqlSession(Query query, String store, Iterator<String> texts) throws SQLException {
        SqlMemberQueries sql = sqlQueries(store);
        return new LoadRunner.Session() {
            @Override
            public void call() throws SQLException {
                run(sql, query, texts.next());
            }

            @Override
            public void close() throws SQLException {
                sql.close();
            }
        };
    }

    /** A fresh token of the demo operator: one measurement (warm-up included) is well within its 5 minutes. */
    private String token() {
        return stack.keycloak().passwordToken(DemoData.OPERATOR, DemoData.DEMO_PASSWORD);
    }

    private Api api() {
        return new Api(stack.gatewayUrl()).withToken(token());
    }

    /** One keep-alive connection per client thread ({@link KeepAliveHttp}). */
    private static LoadRunner.Session httpSession(String baseUrl, String token, Query query, String store,
            Iterator<String> texts) {
        KeepAliveHttp http = new KeepAliveHttp(baseUrl, token, REQUEST_TIMEOUT);
        return new LoadRunner.Session() {
            @Override
            public void call() throws IOException {
                String path = path(query, store, texts.next());
                int status = http.get(path);
                if (status != 200) {
                    throw new IllegalStateException("HTTP " + status + " from " + baseUrl + path);
                }
            }

            @Override
            public void close() {
                http.close();
            }
        };
    }

    private static String path(Query query, String store, String text) {
        String members = "/api/stores/" + store + "/members";
        return switch (query) {
            case LIST -> members + "?page=0&size=" + SqlMemberQueries.PAGE_SIZE;
            case SEARCH -> members + "?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
        };
    }

    private static SqlMemberQueries.Page run(SqlMemberQueries sql, Query query, String text) throws SQLException {
        return switch (query) {
            case LIST -> sql.list();
            case SEARCH -> sql.search(text);
        };
    }

    private SqlMemberQueries sqlQueries(String store) throws SQLException {
        Connection connection = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
        try {
            return new SqlMemberQueries(connection, store);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Before measuring: the SQL must give the page, total and plates the service gives, or the comparison is unfair.
     * Checks the list and two searches (a two-character and a one-character text); returns what differed.
     */
    private List<String> checkSameAnswers(String store, int members) {
        Api api = new Api(gateway.url()).withToken(token());
        List<String> differences = new ArrayList<>();
        try (SqlMemberQueries sql = sqlQueries(store)) {
            List<String> texts = new ArrayList<>();
            texts.add("");
            texts.addAll(BenchMembers.checkedFragments());
            for (String text : texts) {
                Query query = text.isEmpty() ? Query.LIST : Query.SEARCH;
                SqlMemberQueries.Page expected = run(sql, query, text);
                JsonNode page = api.get(path(query, store, text)).json();
                List<UUID> ids = page.path("content").valueStream()
                        .map(m -> UUID.fromString(m.path("id").asString())).toList();
                long total = page.path("totalElements").asLong();
                int plates = page.path("content").valueStream().mapToInt(m -> m.path("plates").size()).sum();
                String what = query == Query.LIST ? "list" : "search '" + text + "'";
                if (ids.equals(expected.ids()) && total == expected.total() && plates == expected.plates()) {
                    System.out.println(Format.of("   check: %s gives the same page (%d members, %d plates) and total"
                            + " (%d, %.1f %% of the store) via the gateway and via SQL", what, ids.size(), plates,
                            total, 100.0 * total / members));
                } else {
                    String difference = Format.of("%s at %d members: gateway total %d, %d plates, ids %s; SQL total"
                            + " %d, %d plates, ids %s", what, members, total, plates, ids, expected.total(),
                            expected.plates(), expected.ids());
                    System.out.println("   WARNING: " + difference);
                    differences.add(Format.of("%s at %d members (total %d vs %d)", what, members, total,
                            expected.total()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the SQL check failed: " + e.getMessage(), e);
        }
        return differences;
    }

    private static void print(Measurement result) {
        System.out.println();
        System.out.println(Format.of("   %-7s %-22s %10s %9s %9s %9s %8s %11s   (at %d members)", "query", "route",
                "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "other CPU", result.members()));
        for (Query query : Query.values()) {
            for (Route route : Route.values()) {
                LoadResult r = result.of(query, route);
                System.out.println(Format.of("   %-7s %-22s %10.1f %9.2f %9.2f %9.2f %8d %11s", query.label,
                        route.label, r.requestsPerSecond(), r.millis(50), r.millis(95), r.millis(99), r.errors(),
                        r.cpu().map(cpu -> Format.of("%.2f cores", cpu.otherCores())).orElse("-")));
            }
        }
        System.out.println("   (other CPU: cores used meanwhile by processes that are not this benchmark or its stack)");
        printCpuPerRequest(result);
        System.out.println();
        for (Query query : Query.values()) {
            LoadResult sql = result.of(query, Route.SQL);
            LoadResult console = result.of(query, Route.STORE_CONSOLE);
            LoadResult gateway = result.of(query, Route.GATEWAY);
            System.out.println(Format.of("   %-6s store-console direct: %.2fx of direct SQL", query.label,
                    console.ratioTo(sql)));
            System.out.println(Format.of("   %-6s via gateway:          %.2fx of direct SQL", query.label,
                    gateway.ratioTo(sql)));
            System.out.println(Format.of("   %-6s via gateway:          %.2fx of store-console direct (gateway adds"
                    + " %.2f ms at p50)", query.label, gateway.ratioTo(console),
                    gateway.millis(50) - console.millis(50)));
        }
        result.results().values().stream().flatMap(m -> m.values().stream()).filter(r -> r.errors() > 0)
                .forEach(r -> System.out.println(Format.of("   ERRORS in %s: %d, first: %s", r.name(), r.errors(),
                        r.firstError())));
    }

    /** Processes whose CPU per request has a column of its own; the stack's others are summed as "rest". */
    private static final List<String> CPU_COLUMNS = List.of(CpuMeter.CLIENT, GATEWAY, "store-console", "postgresql");

    /**
     * Where each request's CPU went: microseconds of CPU per request (cores used over the measured period divided by
     * the requests per second) of the client, the measured gateway, store-console, PostgreSQL with its backends, and
     * the rest of the stack (the other servers and services, mostly idle). Unlike req/s, these hardly move when
     * other work competes for the machine.
     */
    private static void printCpuPerRequest(Measurement result) {
        if (result.results().values().stream().flatMap(m -> m.values().stream()).anyMatch(r -> r.cpu().isEmpty())) {
            return;
        }
        System.out.println();
        StringBuilder header = new StringBuilder(Format.of("   %-7s %-22s", "query", "route"));
        CPU_COLUMNS.forEach(column -> header.append(Format.of(" %14s", column)));
        System.out.println(header.append(Format.of(" %8s %8s   (CPU µs per request)", "rest", "all")));
        for (Query query : Query.values()) {
            for (Route route : Route.values()) {
                LoadResult r = result.of(query, route);
                Map<String, Double> cores = r.cpu().orElseThrow().byProcess();
                double perRequest = r.requestsPerSecond() == 0 ? 0 : 1e6 / r.requestsPerSecond();
                StringBuilder line = new StringBuilder(Format.of("   %-7s %-22s", query.label, route.label));
                double all = cores.values().stream().mapToDouble(Double::doubleValue).sum();
                double columns = 0;
                for (String column : CPU_COLUMNS) {
                    double c = cores.getOrDefault(column, 0.0);
                    columns += c;
                    line.append(Format.of(" %14.0f", c * perRequest));
                }
                System.out.println(line.append(Format.of(" %8.0f %8.0f", (all - columns) * perRequest,
                        all * perRequest)));
            }
        }
    }
}
