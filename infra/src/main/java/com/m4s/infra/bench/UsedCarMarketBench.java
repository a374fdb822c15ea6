package com.m4s.infra.bench;

import com.m4s.infra.bench.SearchRoutes.Route;
import com.m4s.infra.stack.DemoData;
import com.m4s.infra.stack.JavaService;
import com.m4s.infra.stack.Stack;
import com.m4s.platform.servers.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The used-car market at scale: {@code BENCH_LISTINGS} listed cars spread over {@code BENCH_LISTING_STORES} stores of
 * one dealer group, indexed through the real path (outbox, relay, Kafka, indexer, Elasticsearch); then cars approved
 * one by one through the API until searchable; a full rebuild of the index from PostgreSQL while searches go on; and
 * the market search measured three ways: the same request body sent straight to Elasticsearch, store-console
 * called directly, and through a gateway. The differences are what the service and the gateway cost.
 */
final class UsedCarMarketBench {

    private static final String KIND = "used-cars";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Indexing is given up when the searchable count has not moved for this long. */
    private static final Duration STALL = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How long it took to get {@code documents} searchable, from {@code start}. */
    record Indexing(long documents, Duration elapsed) {
        double perSecond() {
            return rate(documents, elapsed);
        }
    }

    record Approvals(int count, Timed api, Duration firstToAllSearchable, Duration lastToAllSearchable) {
    }

    /** Latencies of calls made once each (not a timed load run), and how long they took together. */
    record Timed(LatencyHistogram latencies, Duration elapsed) {
        double perSecond() {
            return rate(latencies.count(), elapsed);
        }
    }

    record Rebuild(long documents, Duration elapsed, long searches, long searchErrors, String searchNote) {
        double perSecond() {
            return rate(documents, elapsed);
        }
    }

    /** Things per second over a duration (a zero duration counts as a nanosecond). */
    static double rate(long count, Duration elapsed) {
        return count / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }

    record Result(int listings, int stores, Duration sqlLoad, Indexing burst, Approvals approvals, Rebuild rebuild,
            Map<Route, LoadResult> searches) {

        void summarize(Summary summary) {
            summary.add("market indexing", Format.of("%d listings of %d stores, approval event to searchable:"
                    + " %.0f listings/s (%s)", listings, stores, burst.perSecond(), Format.seconds(burst.elapsed())));
            summary.add("market approvals", Format.of("%d approvals via the API at %.0f/s (p50 %.1f ms); all"
                    + " searchable %s after the first, %s after the last", approvals.count(),
                    approvals.api().perSecond(), approvals.api().latencies().percentileMillis(50),
                    Format.millis(approvals.firstToAllSearchable()), Format.millis(approvals.lastToAllSearchable())));
            summary.add("market rebuild", Format.of("%d documents from PostgreSQL in %s (%.0f/s); %d searches"
                    + " meanwhile, %d failed", rebuild.documents(), Format.seconds(rebuild.elapsed()),
                    rebuild.perSecond(), rebuild.searches(), rebuild.searchErrors()));
            LoadResult es = searches.get(Route.ELASTICSEARCH);
            LoadResult console = searches.get(Route.STORE_CONSOLE);
            LoadResult gateway = searches.get(Route.GATEWAY);
            summary.add("market search req/s", Format.of("Elasticsearch %.0f, store-console %.0f (%.2fx of ES),"
                    + " gateway %.0f (%.2fx of ES)", es.requestsPerSecond(), console.requestsPerSecond(),
                    console.ratioTo(es), gateway.requestsPerSecond(), gateway.ratioTo(es)));
            summary.add("market search p50/95/99", Format.of("ES %.1f/%.1f/%.1f ms, store-console %.1f/%.1f/%.1f ms,"
                    + " gateway %.1f/%.1f/%.1f ms", es.millis(50), es.millis(95), es.millis(99), console.millis(50),
                    console.millis(95), console.millis(99), gateway.millis(50), gateway.millis(95),
                    gateway.millis(99)));
        }
    }

    private final Stack stack;
    private final BenchConfig config;
    private final CpuMeter cpu;
    private final Api elasticsearch;

    UsedCarMarketBench(Stack stack, BenchConfig config, CpuMeter cpu) {
        this.stack = stack;
        this.config = config;
        this.cpu = cpu;
        this.elasticsearch = new Api(stack.elasticsearch().url());
    }

    Result run(List<String> active) {
        List<String> stores = active.subList(0, Math.min(config.listingStores(), active.size()));
        String group = ProvisioningBench.GROUP;
        System.out.println();
        System.out.println(Format.of("== 5. Used-car market: %d listings across %d stores of group %s",
                config.listings(), stores.size(), group));
        int gatewayPort = Stack.freePort();
        JavaService gateway = stack.startVariant("gateway-market", "platform/gateway", gatewayPort,
                Map.of("M4S_GATEWAY_PORT", String.valueOf(gatewayPort),
                        "M4S_STORE_CONSOLE_URL", stack.service("store-console").url()), List.of(),
                List.of("--m4s.gateway.rate-limit.enabled=false"));
        System.out.println("   a second gateway like the stack's, with the per-store rate limit off (it would cap"
                + " a store at 100 req/s and measure the policy, not the platform): " + gateway.url());
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build()) {
            Map<String, UUID> sellers = sellers(gateway.url(), stores);
            long start = System.nanoTime();
            Map<String, List<UUID>> listed = new LinkedHashMap<>();
            Map<String, List<UUID>> submitted = new LinkedHashMap<>();
            for (int i = 0; i < stores.size(); i++) {
                String store = stores.get(i);
                int listings = share(config.listings(), stores.size(), i);
                int approvals = share(config.approvals(), stores.size(), i);
                listed.put(store, UsedCarListings.insert(db, store, sellers.get(store), 0, listings, true));
                submitted.put(store, UsedCarListings.insert(db, store, sellers.get(store), listings, approvals,
                        false));
            }
            Duration sqlLoad = Duration.ofNanos(System.nanoTime() - start);
            System.out.println(Format.of("   setup: %d listed and %d waiting cars written with SQL in %s",
                    config.listings(), config.approvals(), Format.seconds(sqlLoad)));

            Indexing burst = burst(db, group, listed);
            Approvals approvals = approvals(gateway.url(), group, submitted, config.listings());
            long expected = (long) config.listings() + config.approvals();
            Rebuild rebuild = rebuild(http, gateway.url(), stores.getFirst(), expected);
            Map<Route, LoadResult> searches = searches(http, gateway.url(), stores.getFirst(), group);
            Result result = new Result(config.listings(), stores.size(), sqlLoad, burst, approvals, rebuild,
                    searches);
            SearchRoutes.print("market", result.searches());
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("loading listings failed: " + e.getMessage(), e);
        } finally {
            stack.stopService("gateway-market");
        }
    }

    /** Store {@code i}'s part of {@code total} spread over {@code n} stores (the first ones take the remainder). */
    private static int share(int total, int n, int i) {
        return total / n + (i < total % n ? 1 : 0);
    }

    /** One member per store, created through the API, who consigns all of that store's cars. */
    private Map<String, UUID> sellers(String gatewayUrl, List<String> stores) {
        Api api = new Api(gatewayUrl).withToken(token());
        Map<String, UUID> sellers = new LinkedHashMap<>();
        for (String store : stores) {
            Api.Response created = api.post("/api/stores/" + store + "/members", BenchMembers.newMember(900_000));
            if (created.status() != 201) {
                throw new IllegalStateException("creating the seller of " + store + " gave " + created.status()
                        + ": " + created.raw());
            }
            sellers.put(store, UUID.fromString(created.json().path("id").asString()));
        }
        return sellers;
    }

    /**
     * Writes the {@code UsedCarListed} events of every listed car into the outbox in one transaction, as if all had
     * been approved at once, and waits until all are searchable in the group's alias.
     */
    private Indexing burst(Connection db, String group, Map<String, List<UUID>> listed) throws SQLException {
        db.setAutoCommit(false);
        int events = 0;
        try {
            for (Map.Entry<String, List<UUID>> store : listed.entrySet()) {
                events += UsedCarListings.publishListed(db, store.getKey(), group, store.getValue());
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
        long start = System.nanoTime();
        System.out.println(Format.of("   indexing: %d UsedCarListed events committed to the outbox; waiting until"
                + " all are searchable (relay -> Kafka -> indexer -> Elasticsearch, refresh 1 s)", events));
        long searchable = awaitListed(group, events, start);
        Indexing indexing = new Indexing(searchable, Duration.ofNanos(System.nanoTime() - start));
        System.out.println(Format.of("   indexing: %d searchable after %s: %.0f listings/s", searchable,
                Format.seconds(indexing.elapsed()), indexing.perSecond()));
        return indexing;
    }

    /** Approves the waiting cars through the API from several threads, then waits until all are searchable. */
    private Approvals approvals(String gatewayUrl, String group, Map<String, List<UUID>> submitted, long listed) {
        List<String> paths = new ArrayList<>();
        int most = submitted.values().stream().mapToInt(List::size).max().orElse(0);
        for (int n = 0; n < most; n++) {
            for (Map.Entry<String, List<UUID>> store : submitted.entrySet()) {
                if (n < store.getValue().size()) {
                    paths.add("/api/stores/" + store.getKey() + "/used-cars/" + store.getValue().get(n) + "/approve");
                }
            }
        }
        Api api = new Api(gatewayUrl).withToken(token());
        AtomicInteger next = new AtomicInteger();
        LatencyHistogram latencies = new LatencyHistogram();
        AtomicLong lastReturn = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(config.concurrency(),
                Thread.ofPlatform().name("bench-approve-", 0).daemon().factory());
        try {
            List<Future<LatencyHistogram>> workers = new ArrayList<>();
            for (int t = 0; t < config.concurrency(); t++) {
                workers.add(pool.submit(() -> {
                    LatencyHistogram mine = new LatencyHistogram();
                    for (int n = next.getAndIncrement(); n < paths.size(); n = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        Api.Response approved = api.post(paths.get(n), Map.of("askingPriceYuan", 88_000 + n,
                                "conditionReport", "车况良好，已检测 " + n));
                        if (approved.status() != 200) {
                            next.set(paths.size());
                            throw new IllegalStateException(paths.get(n) + ": " + approved.status() + " "
                                    + approved.raw());
                        }
                        long returned = System.nanoTime();
                        mine.record(returned - sent);
                        lastReturn.accumulateAndGet(returned, Math::max);
                    }
                    return mine;
                }));
            }
            for (Future<LatencyHistogram> worker : workers) {
                latencies.add(worker.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("approving failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        Duration apiTime = Duration.ofNanos(lastReturn.get() - start);
        awaitListed(group, listed + paths.size(), start);
        long all = System.nanoTime();
        Approvals approvals = new Approvals(paths.size(), new Timed(latencies, apiTime),
                Duration.ofNanos(all - start), Duration.ofNanos(all - lastReturn.get()));
        System.out.println(Format.of("   approvals: %d through the API with %d threads in %s (%.0f/s, p50 %.1f ms,"
                + " p99 %.1f ms); all searchable %s after the first was sent, %s after the last returned",
                approvals.count(), config.concurrency(), Format.seconds(apiTime), approvals.api().perSecond(),
                latencies.percentileMillis(50), latencies.percentileMillis(99),
                Format.millis(approvals.firstToAllSearchable()), Format.millis(approvals.lastToAllSearchable())));
        return approvals;
    }

    /** Waits until the group's alias has {@code expected} searchable listed cars; prints progress now and then. */
    private long awaitListed(String group, long expected, long start) {
        long lastCount = -1;
        long lastChange = System.nanoTime();
        long lastPrint = System.nanoTime();
        while (true) {
            long count = listedCount(group);
            long now = System.nanoTime();
            if (count >= expected) {
                return count;
            }
            if (count != lastCount) {
                lastCount = count;
                lastChange = now;
            } else if (now - lastChange > STALL.toNanos()) {
                throw new IllegalStateException(Format.of("indexing stalled at %d of %d searchable cars for %s",
                        count, expected, STALL));
            }
            if (now - lastPrint > Duration.ofSeconds(10).toNanos()) {
                lastPrint = now;
                System.out.println(Format.of("   ... %d of %d searchable after %s", count, expected,
                        Format.seconds(Duration.ofNanos(now - start))));
            }
            SearchRoutes.pause(POLL);
        }
    }

    private long listedCount(String group) {
        Api.Response count = elasticsearch.send("POST", "/m4s-used-cars-group-" + group + "/_count",
                Map.of("query", Map.of("term", Map.of("status", "LISTED"))));
        if (count.status() == 404) {
            return 0;
        }
        if (count.status() != 200) {
            throw new IllegalStateException("Elasticsearch count gave " + count.status() + ": " + count.raw());
        }
        return count.json().path("count").asLong();
    }

    /** A full rebuild through the API, with a search every moment meanwhile that must keep answering in full. */
    private Rebuild rebuild(HttpClient http, String gatewayUrl, String store, long expected) {
        String token = token();
        Api api = new Api(gatewayUrl).withToken(token);
        String searchPath = new MarketQuery("all of the group", true, null, List.of(), null, null, null, List.of(),
                "NEWEST", 0).path(store);
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong searches = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<String> notes = new ArrayList<>();
        Thread searcher = Thread.ofPlatform().name("bench-rebuild-search").daemon().start(() -> {
            while (!done.get()) {
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(gatewayUrl + searchPath)).header("Authorization", "Bearer " + token)
                            .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
                    searches.incrementAndGet();
                    long total = response.statusCode() == 200
                            ? JSON.readTree(response.body()).path("totalElements").asLong() : -1;
                    if (total != expected) {
                        errors.incrementAndGet();
                        synchronized (notes) {
                            if (notes.isEmpty()) {
                                notes.add("HTTP " + response.statusCode() + ", total " + total);
                            }
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    synchronized (notes) {
                        if (notes.isEmpty()) {
                            notes.add(e.toString());
                        }
                    }
                }
            }
        });
        long start = System.nanoTime();
        try {
            Api.Response started = api.post("/api/search/" + KIND + "/rebuilds", null);
            if (started.status() != 202) {
                throw new IllegalStateException("starting the rebuild gave " + started.status() + ": "
                        + started.raw());
            }
            String id = started.json().path("id").asString();
            JsonNode progress = started.json();
            long lastPrint = System.nanoTime();
            while ("RUNNING".equals(progress.path("status").asString())) {
                SearchRoutes.pause(Duration.ofMillis(500));
                progress = api.get("/api/search/" + KIND + "/rebuilds/" + id).json();
                if (System.nanoTime() - lastPrint > Duration.ofSeconds(10).toNanos()) {
                    lastPrint = System.nanoTime();
                    System.out.println(Format.of("   ... rebuild: %d of %d stores, %d documents",
                            progress.path("storesDone").asInt(), progress.path("storesTotal").asInt(),
                            progress.path("documents").asLong()));
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (!"DONE".equals(progress.path("status").asString())) {
                throw new IllegalStateException("the rebuild ended " + progress);
            }
            done.set(true);
            searcher.join(REQUEST_TIMEOUT.toMillis());
            Rebuild rebuild = new Rebuild(progress.path("documents").asLong(), elapsed, searches.get(), errors.get(),
                    notes.isEmpty() ? "" : notes.getFirst());
            System.out.println(Format.of("   rebuild: %d documents of %d stores from PostgreSQL into a new index in %s"
                    + " (%.0f documents/s), swapped in; %d searches meanwhile, %d not answered in full%s",
                    rebuild.documents(), progress.path("storesTotal").asInt(), Format.seconds(elapsed),
                    rebuild.perSecond(), rebuild.searches(), rebuild.searchErrors(),
                    rebuild.searchNote().isEmpty() ? "" : " (first: " + rebuild.searchNote() + ")"));
            return rebuild;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            done.set(true);
        }
    }

    private Map<Route, LoadResult> searches(HttpClient http, String gatewayUrl, String store, String group) {
        List<MarketQuery> mix = MarketQuery.mix();
        checkSameAnswers(gatewayUrl, store, group, mix);
        System.out.println(Format.of("   measuring: the %d searches in turn, %d client threads, %d s warm-up then %d"
                + " s each; HTTP/1.1 with one shared client", mix.size(), config.concurrency(),
                config.warmUp(), config.seconds()));
        LoadRunner runner = new LoadRunner(config.concurrency(), Duration.ofSeconds(config.warmUp()),
                Duration.ofSeconds(config.seconds()), cpu);
        return new SearchRoutes(http, stack, gatewayUrl).measure("market", runner, mix, store,
                query -> query.alias(store, group), this::token);
    }

    /** Before measuring: each search must give the same total and page from the service and from Elasticsearch. */
    private void checkSameAnswers(String gatewayUrl, String store, String group, List<MarketQuery> mix) {
        Api api = new Api(gatewayUrl).withToken(token());
        for (MarketQuery query : mix) {
            JsonNode ours = api.get(query.path(store)).json();
            Api.Response direct = elasticsearch.send("POST", "/" + query.alias(store, group) + "/_search",
                    query.body());
            List<String> ourIds = ours.path("content").valueStream().map(c -> c.path("id").asString()).toList();
            List<String> directIds = direct.json().path("hits").path("hits").valueStream()
                    .map(h -> h.path("_source").path("id").asString()).toList();
            long ourTotal = ours.path("totalElements").asLong();
            long directTotal = direct.json().path("hits").path("total").path("value").asLong();
            if (ourIds.equals(directIds) && ourTotal == directTotal && !ourIds.isEmpty()) {
                System.out.println(Format.of("   check: %-46s same page and total (%d) via the gateway and"
                        + " Elasticsearch", query.label(), ourTotal));
            } else {
                System.out.println(Format.of("   WARNING: %s differs: gateway total %d, %d ids; Elasticsearch"
                        + " (HTTP %d) total %d, %d ids", query.label(), ourTotal, ourIds.size(), direct.status(),
                        directTotal, directIds.size()));
            }
        }
    }

    private String token() {
        return stack.keycloak().passwordToken(DemoData.OPERATOR, DemoData.DEMO_PASSWORD);
    }

}
