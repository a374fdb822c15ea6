package com.m4s.infra.bench;

import com.m4s.infra.bench.SearchRoutes.Route;
import com.m4s.infra.stack.DemoData;
import com.m4s.infra.stack.JavaService;
import com.m4s.infra.stack.Stack;
import com.m4s.platform.servers.Api;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The mall's product search (decision 0050): {@code BENCH_PRODUCTS} listed products written into the first store with
 * SQL and indexed by a rebuild from PostgreSQL, then an owner of the store (signed up as owners do, with the code read
 * from the development inbox) searches {@code GET …/me/mall/products?q=…}; measured three ways like the used-car
 * market: the same request body sent straight to Elasticsearch, store-console called directly, and through a gateway
 * with the per-store rate limit off. The differences are what the service (the owner's models read from PostgreSQL,
 * the query built, the cards with their photos) and the gateway cost.
 */
final class MallSearchBench {

    private static final String KIND = "products";
    private static final Duration DEADLINE = Duration.ofMinutes(5);
    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    record Result(int products, Duration sqlLoad, Duration indexing, Map<Route, LoadResult> searches) {

        void summarize(Summary summary) {
            LoadResult es = searches.get(Route.ELASTICSEARCH);
            LoadResult console = searches.get(Route.STORE_CONSOLE);
            LoadResult gateway = searches.get(Route.GATEWAY);
            summary.add("mall search req/s", Format.of("%d products: Elasticsearch %.0f, store-console %.0f (%.2fx of"
                    + " ES), gateway %.0f (%.2fx of ES)", products, es.requestsPerSecond(),
                    console.requestsPerSecond(), console.ratioTo(es), gateway.requestsPerSecond(),
                    gateway.ratioTo(es)));
            summary.add("mall search p50/99", Format.of("ES %.1f/%.1f ms, store-console %.1f/%.1f ms, gateway"
                    + " %.1f/%.1f ms", es.millis(50), es.millis(99), console.millis(50), console.millis(99),
                    gateway.millis(50), gateway.millis(99)));
        }
    }

    private final Stack stack;
    private final BenchConfig config;
    private final CpuMeter cpu;
    private final Api elasticsearch;

    MallSearchBench(Stack stack, BenchConfig config, CpuMeter cpu) {
        this.stack = stack;
        this.config = config;
        this.cpu = cpu;
        this.elasticsearch = new Api(stack.elasticsearch().url());
    }

    Result run(String store) {
        System.out.println();
        System.out.println(Format.of("== 8. Mall product search: %d products in %s, searched by one of its owners",
                config.products(), store));
        int gatewayPort = Stack.freePort();
        JavaService gateway = stack.startVariant("gateway-mall", "platform/gateway", gatewayPort,
                Map.of("M4S_GATEWAY_PORT", String.valueOf(gatewayPort),
                        "M4S_STORE_CONSOLE_URL", stack.service("store-console").url()), List.of(),
                List.of("--m4s.gateway.rate-limit.enabled=false"));
        System.out.println("   a second gateway like the stack's, with the per-store rate limit off: " + gateway.url());
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build()) {
            signUpOwner(store);
            long start = System.nanoTime();
            MallCatalogue.insert(db, store, config.products());
            Duration sqlLoad = Duration.ofNanos(System.nanoTime() - start);
            System.out.println(Format.of("   setup: %d listed products (one SKU each, with its first stock) written"
                    + " with SQL in %s", config.products(), Format.seconds(sqlLoad)));
            Duration indexing = rebuild(store);
            Map<Route, LoadResult> searches = searches(http, gateway.url(), store);
            Result result = new Result(config.products(), sqlLoad, indexing, searches);
            SearchRoutes.print("mall", searches);
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("loading products failed: " + e.getMessage(), e);
        } finally {
            stack.stopService("gateway-mall");
        }
    }

    /**
     * The store's member with the demo owner's phone (whose texts the local stack's development inbox keeps) signs
     * up as owners do: a code to the phone, then the sign-up with it; the login is {@link DemoData#OWNER}.
     */
    private void signUpOwner(String store) {
        String base = "/api/stores/" + store;
        Map<String, Object> member = new LinkedHashMap<>(BenchMembers.newMember(950_000));
        Map<String, Object> profile = new LinkedHashMap<>(cast(member.get("profile")));
        profile.put("phone", DemoData.OWNER_PHONE);
        member.put("profile", profile);
        Api api = new Api(stack.gatewayUrl()).withToken(operatorToken());
        require(api.post(base + "/members", member), 201, "creating the owner's member record");
        Api anonymous = new Api(stack.gatewayUrl());
        require(anonymous.post(base + "/owner-signup/codes", Map.of("phone", DemoData.OWNER_PHONE)), 202,
                "asking for a sign-up code");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String text = "";
        while (text.isEmpty()) {
            Api.Response inbox = anonymous.get(base + "/owner-signup/development-inbox?phone=" + DemoData.OWNER_PHONE);
            require(inbox, 200, "reading the development inbox");
            text = inbox.json().path("messages").path(0).path("body").asString("");
            if (text.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no sign-up code in the development inbox after 30 s");
                }
                SearchRoutes.pause(Duration.ofMillis(200));
            }
        }
        Matcher code = CODE.matcher(text);
        if (!code.find()) {
            throw new IllegalStateException("no sign-up code in " + text);
        }
        require(anonymous.post(base + "/owner-signup", Map.of("phone", DemoData.OWNER_PHONE, "code", code.group(1),
                "password", DemoData.DEMO_PASSWORD)), 201, "signing the owner up");
        System.out.println("   owner " + DemoData.OWNER + " signed up in " + store + " (code from the development inbox)");
    }

    /** A rebuild of the products index from PostgreSQL, then until all the store's products are searchable. */
    private Duration rebuild(String store) {
        Api api = new Api(stack.gatewayUrl()).withToken(operatorToken());
        long start = System.nanoTime();
        Api.Response started = api.post("/api/search/" + KIND + "/rebuilds", null);
        require(started, 202, "starting the products rebuild");
        String id = started.json().path("id").asString();
        JsonNode progress = started.json();
        long deadline = start + DEADLINE.toNanos();
        while ("RUNNING".equals(progress.path("status").asString())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the products rebuild did not end within " + DEADLINE);
            }
            SearchRoutes.pause(Duration.ofMillis(500));
            progress = api.get("/api/search/" + KIND + "/rebuilds/" + id).json();
        }
        if (!"DONE".equals(progress.path("status").asString())) {
            throw new IllegalStateException("the products rebuild ended " + progress);
        }
        long searchable = 0;
        while (searchable < config.products()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(Format.of("only %d of %d products searchable after %s", searchable,
                        config.products(), DEADLINE));
            }
            Api.Response count = elasticsearch.send("POST", "/" + ProductQuery.alias(store) + "/_count",
                    Map.of("query", Map.of("term", Map.of("status", "LISTED"))));
            searchable = count.status() == 200 ? count.json().path("count").asLong() : 0;
            if (searchable < config.products()) {
                SearchRoutes.pause(Duration.ofMillis(200));
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        System.out.println(Format.of("   indexing: rebuild of the products index from PostgreSQL, %d documents, all"
                + " of %s searchable after %s", progress.path("documents").asLong(), store, Format.seconds(elapsed)));
        return elapsed;
    }

    private Map<Route, LoadResult> searches(HttpClient http, String gatewayUrl, String store) {
        List<ProductQuery> mix = ProductQuery.mix();
        checkSameAnswers(gatewayUrl, store, mix);
        System.out.println(Format.of("   measuring: the %d searches in turn, %d client threads, %d s warm-up then %d"
                + " s each; HTTP/1.1 with one shared client", mix.size(), config.concurrency(), config.warmUp(),
                config.seconds()));
        LoadRunner runner = new LoadRunner(config.concurrency(), Duration.ofSeconds(config.warmUp()),
                Duration.ofSeconds(config.seconds()), cpu);
        return new SearchRoutes(http, stack, gatewayUrl).measure("mall", runner, mix, store,
                query -> ProductQuery.alias(store), this::ownerToken);
    }

    /** Before measuring: each search must give the same total and page from the owner's API and Elasticsearch. */
    private void checkSameAnswers(String gatewayUrl, String store, List<ProductQuery> mix) {
        Api owner = new Api(gatewayUrl).withToken(ownerToken());
        for (ProductQuery query : mix) {
            Api.Response ours = owner.get(query.path(store));
            Api.Response direct = elasticsearch.send("POST", "/" + ProductQuery.alias(store) + "/_search",
                    query.body());
            List<String> ourIds = ours.json().path("content").valueStream().map(c -> c.path("id").asString())
                    .toList();
            List<String> directIds = direct.json().path("hits").path("hits").valueStream()
                    .map(h -> h.path("_source").path("id").asString()).toList();
            long ourTotal = ours.json().path("totalElements").asLong();
            long directTotal = direct.json().path("hits").path("total").path("value").asLong();
            if (ours.status() == 200 && ourIds.equals(directIds) && ourTotal == directTotal && !ourIds.isEmpty()) {
                System.out.println(Format.of("   check: %-34s same page and total (%d) via the gateway and"
                        + " Elasticsearch", query.label(), ourTotal));
            } else {
                System.out.println(Format.of("   WARNING: %s differs: gateway (HTTP %d) total %d, %d ids;"
                        + " Elasticsearch (HTTP %d) total %d, %d ids", query.label(), ours.status(), ourTotal,
                        ourIds.size(), direct.status(), directTotal, directIds.size()));
            }
        }
    }

    private String operatorToken() {
        return stack.keycloak().passwordToken(DemoData.OPERATOR, DemoData.DEMO_PASSWORD);
    }

    private String ownerToken() {
        return stack.keycloak().passwordToken(DemoData.OWNER, DemoData.DEMO_PASSWORD);
    }

    private static void require(Api.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + " gave " + response.status() + ": " + response.raw());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

}
