package com.m4s.infra.bench;

import com.m4s.infra.stack.DemoData;
import com.m4s.infra.stack.Stack;
import com.m4s.platform.servers.Api;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * Loads members into one store, then measures the first page of the member list and of member search three ways:
 * the same SQL straight on PostgreSQL, store-console called directly, and the public route through the gateway.
 * The differences are what the service and the gateway cost.
 */
final class MemberQueryBench {

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

    record Result(String store, int members, Duration loadTime, Map<Query, Map<Route, LoadResult>> results) {

        LoadResult of(Query query, Route route) {
            return results.get(query).get(route);
        }

        void summarize(Summary summary) {
            summary.add("member load (setup)", Format.of("%d members in %s via the gateway (%.0f members/s)", members,
                    Format.seconds(loadTime), members / (loadTime.toNanos() / 1e9)));
            for (Query query : Query.values()) {
                LoadResult sql = of(query, Route.SQL);
                LoadResult console = of(query, Route.STORE_CONSOLE);
                LoadResult gateway = of(query, Route.GATEWAY);
                summary.add(query.label + " req/s", Format.of("SQL %.0f, store-console %.0f (%.2fx of SQL),"
                        + " gateway %.0f (%.2fx of SQL)", sql.requestsPerSecond(), console.requestsPerSecond(),
                        console.ratioTo(sql), gateway.requestsPerSecond(), gateway.ratioTo(sql)));
                summary.add(query.label + " p50", Format.of("SQL %.2f ms, store-console %.2f ms, gateway %.2f ms",
                        sql.millis(50), console.millis(50), gateway.millis(50)));
            }
        }
    }

    private final Stack stack;
    private final BenchConfig config;
    private final CpuMeter cpu;

    MemberQueryBench(Stack stack, BenchConfig config, CpuMeter cpu) {
        this.stack = stack;
        this.config = config;
        this.cpu = cpu;
    }

    Result run(String store) {
        System.out.println();
        System.out.println("== 3. Members list and search in store " + store + ": direct SQL vs store-console vs"
                + " gateway");
        Duration load = new MemberLoader(api(), LOADER_THREADS).load(store, config.members());
        System.out.println(Format.of("   setup: loaded %d members (one vehicle each) through the gateway with %d"
                + " threads in %s (%.0f members/s)", config.members(), LOADER_THREADS, Format.seconds(load),
                config.members() / (load.toNanos() / 1e9)));
        checkSameAnswers(store);
        System.out.println(Format.of("   measuring: %d client threads, %d s warm-up then %d s each; HTTP/1.1 with one"
                + " shared client, SQL with one JDBC connection per thread", config.concurrency(),
                WARM_UP.toSeconds(), config.seconds()));
        LoadRunner runner = new LoadRunner(config.concurrency(), WARM_UP, Duration.ofSeconds(config.seconds()), cpu);
        Map<Query, Map<Route, LoadResult>> results = new EnumMap<>(Query.class);
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build()) {
            for (Query query : Query.values()) {
                for (Route route : Route.values()) {
                    // one token per measurement, shared by the client threads: parallel sign-ins of one user make
                    // Keycloak's brute-force detection suspicious
                    String token = route == Route.SQL ? "" : token();
                    LoadResult result = runner.run(query.label + " " + route.label, sessions(query, route, store,
                            http, token));
                    System.out.println(Format.of("   ... %-32s %8.1f req/s", result.name(),
                            result.requestsPerSecond()));
                    results.computeIfAbsent(query, q -> new EnumMap<>(Route.class)).put(route, result);
                }
            }
        }
        Result result = new Result(store, config.members(), load, results);
        print(result);
        return result;
    }

    private LoadRunner.SessionFactory sessions(Query query, Route route, String store, HttpClient http,
            String token) {
        return thread -> {
            Iterator<String> texts = IntStream.iterate(thread, n -> n + config.concurrency())
                    .mapToObj(BenchMembers::searchFragment).iterator();
            return switch (route) {
                case SQL -> sqlSession(query, store, texts);
                case STORE_CONSOLE -> httpSession(http, stack.service("store-console").url(), token, query, store,
                        texts);
                case GATEWAY -> httpSession(http, stack.gatewayUrl(), token, query, store, texts);
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

    private static LoadRunner.Session httpSession(HttpClient http, String baseUrl, String token, Query query,
            String store, Iterator<String> texts) {
        return () -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path(query, store, texts.next())))
                    .header("Authorization", "Bearer " + token).timeout(REQUEST_TIMEOUT).GET().build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException("HTTP " + status + " from " + request.uri());
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

    /** Before measuring: the SQL must give the page and total the service gives, or the comparison is unfair. */
    private void checkSameAnswers(String store) {
        Api api = api();
        String text = BenchMembers.searchFragment(0);
        try (SqlMemberQueries sql = sqlQueries(store)) {
            for (Query query : Query.values()) {
                SqlMemberQueries.Page expected = run(sql, query, text);
                JsonNode page = api.get(path(query, store, text)).json();
                List<UUID> ids = page.path("content").valueStream()
                        .map(m -> UUID.fromString(m.path("id").asString())).toList();
                long total = page.path("totalElements").asLong();
                String what = query == Query.LIST ? "list" : "search '" + text + "'";
                if (ids.equals(expected.ids()) && total == expected.total()) {
                    System.out.println(Format.of("   check: %s gives the same page and total (%d) via the gateway"
                            + " and via SQL", what, total));
                } else {
                    System.out.println(Format.of("   WARNING: %s differs: gateway total %d, ids %s;"
                            + " SQL total %d, ids %s", what, total, ids, expected.total(), expected.ids()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the SQL check failed: " + e.getMessage(), e);
        }
    }

    private static void print(Result result) {
        System.out.println();
        System.out.println(Format.of("   %-7s %-22s %10s %9s %9s %9s %8s %11s", "query", "route", "req/s", "p50 ms",
                "p95 ms", "p99 ms", "errors", "other CPU"));
        for (Query query : Query.values()) {
            for (Route route : Route.values()) {
                LoadResult r = result.of(query, route);
                System.out.println(Format.of("   %-7s %-22s %10.1f %9.2f %9.2f %9.2f %8d %11s", query.label,
                        route.label, r.requestsPerSecond(), r.millis(50), r.millis(95), r.millis(99), r.errors(),
                        r.cpu().map(cpu -> Format.of("%.2f cores", cpu.otherCores())).orElse("-")));
            }
        }
        System.out.println("   (other CPU: cores used meanwhile by processes that are not this benchmark or its stack)");
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
}
