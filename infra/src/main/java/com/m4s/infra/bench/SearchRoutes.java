package com.m4s.infra.bench;

import com.m4s.infra.stack.Stack;
import com.m4s.platform.servers.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The three ways a search benchmark sends one search, and how it measures and prints them: the request body straight
 * to Elasticsearch, the service's endpoint called directly, and the same through a gateway. Shared by the used-car
 * market and the mall, so their ratios are measured and printed alike.
 */
final class SearchRoutes {

    enum Route {
        ELASTICSEARCH("Elasticsearch direct"), STORE_CONSOLE("store-console direct"), GATEWAY("via gateway");

        final String label;

        Route(String label) {
            this.label = label;
        }
    }

    /** One search written both ways: the service's path and query string, and the body the service sends. */
    interface Search {

        String path(String store);

        Map<String, Object> body();
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final Stack stack;
    private final String gatewayUrl;

    SearchRoutes(HttpClient http, Stack stack, String gatewayUrl) {
        this.http = http;
        this.stack = stack;
        this.gatewayUrl = gatewayUrl;
    }

    /**
     * Runs the searches of {@code mix} in turn on each route, one timed load run per route.
     *
     * @param alias the index alias a search reads straight from Elasticsearch
     * @param token a token for the service's routes
     */
    <Q extends Search> Map<Route, LoadResult> measure(String what, LoadRunner runner, List<Q> mix, String store,
            Function<Q, String> alias, Supplier<String> token) {
        Map<Route, LoadResult> results = new EnumMap<>(Route.class);
        for (Route route : Route.values()) {
            String bearer = route == Route.ELASTICSEARCH ? "" : token.get();
            LoadResult result = runner.run(what + " " + route.label, thread -> {
                Iterator<Q> queries = IntStream.iterate(thread, n -> n + 1).mapToObj(n -> mix.get(n % mix.size()))
                        .iterator();
                return () -> {
                    Q query = queries.next();
                    send(route, store, alias.apply(query), query, bearer);
                };
            });
            System.out.println(Format.of("   ... %-34s %8.1f req/s", result.name(), result.requestsPerSecond()));
            results.put(route, result);
        }
        return results;
    }

    private void send(Route route, String store, String alias, Search query, String token) throws Exception {
        HttpRequest request = switch (route) {
            case ELASTICSEARCH -> HttpRequest.newBuilder(URI.create(stack.elasticsearch().url() + "/" + alias
                    + "/_search")).header("Content-Type", "application/json").timeout(REQUEST_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString(Api.json(query.body()))).build();
            case STORE_CONSOLE -> get(stack.service("store-console").url() + query.path(store), token);
            case GATEWAY -> get(gatewayUrl + query.path(store), token);
        };
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IllegalStateException("HTTP " + status + " from " + request.uri());
        }
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(REQUEST_TIMEOUT).GET().build();
    }

    /** The table of the routes, each service route's ratio to Elasticsearch direct, and any errors. */
    static void print(String what, Map<Route, LoadResult> searches) {
        System.out.println();
        System.out.println(Format.of("   %-22s %10s %9s %9s %9s %8s %11s", "route", "req/s", "p50 ms", "p95 ms",
                "p99 ms", "errors", "other CPU"));
        for (Route route : Route.values()) {
            LoadResult r = searches.get(route);
            System.out.println(Format.of("   %-22s %10.1f %9.2f %9.2f %9.2f %8d %11s", route.label,
                    r.requestsPerSecond(), r.millis(50), r.millis(95), r.millis(99), r.errors(),
                    r.cpu().map(cpu -> Format.of("%.2f cores", cpu.otherCores())).orElse("-")));
        }
        LoadResult es = searches.get(Route.ELASTICSEARCH);
        for (Route route : List.of(Route.STORE_CONSOLE, Route.GATEWAY)) {
            LoadResult r = searches.get(route);
            System.out.println(Format.of("   %s search %-22s %.2fx the requests/s of Elasticsearch direct;"
                    + " latency p50 %.2fx, p95 %.2fx, p99 %.2fx", what, route.label + ":", r.ratioTo(es),
                    r.millis(50) / es.millis(50), r.millis(95) / es.millis(95), r.millis(99) / es.millis(99)));
        }
        searches.values().stream().filter(r -> r.errors() > 0)
                .forEach(r -> System.out.println(Format.of("   ERRORS in %s: %d, first: %s", r.name(), r.errors(),
                        r.firstError())));
    }

    /** Waits between polls of a state being reached. */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
