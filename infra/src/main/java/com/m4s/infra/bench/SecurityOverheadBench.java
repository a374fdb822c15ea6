package com.m4s.infra.bench;

import com.m4s.infra.bench.open.NoTokenGateway;
import com.m4s.infra.bench.open.NoTokenStoreConsole;
import com.m4s.infra.stack.DemoData;
import com.m4s.infra.stack.JavaService;
import com.m4s.infra.stack.Stack;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What token security costs on an authorized read: the first page of a store's members through a gateway and
 * store-console that check the bearer token (signature, issuer, expiry; the gateway relays it and the service checks
 * it again), against the same read through a gateway and store-console started with the benchmark's no-token
 * configurations ({@link NoTokenGateway}, {@link NoTokenStoreConsole}). Both pairs are fresh processes started
 * together beside the stack, with the same settings (rate limit off in both), so neither has a warmer JIT. The two
 * are measured in turns, in alternating order, each round a pair run back to back; the first rounds only warm them up
 * (four fresh JVMs on two cores keep getting faster for minutes). The figure is the median of the rounds' ratios:
 * both sides of a pair see the same moment of the machine and the same stage of warming up, which a ratio of two
 * separate medians would not; neither a noisy moment on a shared machine nor a lucky one decides it. Each round signs
 * in again, so the rounds may run longer than an access token lives.
 */
final class SecurityOverheadBench {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Rounds that only warm up the four fresh processes (their JIT), then rounds that count; the order of the two
     * alternates from round to round. */
    private static final int WARM_UP_ROUNDS = 4;
    private static final int ROUNDS = 7;

    /**
     * The rounds' median throughputs with and without tokens, and the median of the rounds' ratios.
     *
     * @param ratio throughput with security as a share of throughput without it, e.g. 0.9
     */
    record Result(LoadResult secured, LoadResult open, double ratio) {

        void summarize(Summary summary) {
            summary.add("security overhead", Format.of("authorized member list via gateway: with tokens %.0f req/s,"
                    + " without %.0f req/s (median rounds), median ratio %.2fx = %.1f%% overhead (target < 15%%)",
                    secured.requestsPerSecond(), open.requestsPerSecond(), ratio(), (1 - ratio()) * 100));
            summary.add("security p50", Format.of("with tokens %.2f ms, without %.2f ms", secured.millis(50),
                    open.millis(50)));
        }
    }

    private final Stack stack;
    private final BenchConfig config;
    private final CpuMeter cpu;

    SecurityOverheadBench(Stack stack, BenchConfig config, CpuMeter cpu) {
        this.stack = stack;
        this.config = config;
        this.cpu = cpu;
    }

    Result run(String store) {
        System.out.println();
        System.out.println("== 4. Security overhead: the member list of " + store + " through a gateway and"
                + " store-console with and without token checks");
        List<Path> benchClasses = List.of(benchClasses());
        int openConsolePort = Stack.freePort();
        int securedConsolePort = Stack.freePort();
        int securedGatewayPort = Stack.freePort();
        int openGatewayPort = Stack.freePort();
        List<String> noRateLimit = List.of("--m4s.gateway.rate-limit.enabled=false");
        JavaService openConsole = stack.startVariant("store-console-no-tokens", "store-console", openConsolePort,
                Map.of("M4S_STORE_CONSOLE_PORT", String.valueOf(openConsolePort)), benchClasses,
                List.of("--spring.main.sources=" + NoTokenStoreConsole.class.getName()));
        JavaService securedConsole = stack.startVariant("store-console-tokens", "store-console", securedConsolePort,
                Map.of("M4S_STORE_CONSOLE_PORT", String.valueOf(securedConsolePort)), List.of(), List.of());
        JavaService securedGateway = stack.startVariant("gateway-tokens", "platform/gateway", securedGatewayPort,
                Map.of("M4S_GATEWAY_PORT", String.valueOf(securedGatewayPort),
                        "M4S_STORE_CONSOLE_URL", securedConsole.url()), List.of(), noRateLimit);
        List<String> openGatewayArgs = new ArrayList<>(noRateLimit);
        openGatewayArgs.add("--spring.main.sources=" + NoTokenGateway.class.getName());
        JavaService openGateway = stack.startVariant("gateway-no-tokens", "platform/gateway", openGatewayPort,
                Map.of("M4S_GATEWAY_PORT", String.valueOf(openGatewayPort),
                        "M4S_STORE_CONSOLE_URL", openConsole.url()), benchClasses, openGatewayArgs);
        String path = "/api/stores/" + store + "/members?page=0&size=" + SqlMemberQueries.PAGE_SIZE;
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build()) {
            checkSameAnswer(http, securedGateway.url() + path, operatorToken(), openGateway.url() + path);
            System.out.println(Format.of("   measuring: %d client threads, %d s warm-up then %d s each; %d warm-up"
                    + " rounds, then %d rounds in turns", config.concurrency(), MemberQueryBench.WARM_UP.toSeconds(),
                    config.seconds(), WARM_UP_ROUNDS, ROUNDS));
            LoadRunner runner = new LoadRunner(config.concurrency(), MemberQueryBench.WARM_UP,
                    Duration.ofSeconds(config.seconds()), cpu);
            List<LoadResult> securedRounds = new ArrayList<>();
            List<LoadResult> openRounds = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int round = 1 - WARM_UP_ROUNDS; round <= ROUNDS; round++) {
                String token = operatorToken();
                LoadResult s;
                LoadResult o;
                if (Math.floorMod(round, 2) == 0) {
                    s = runner.run("with tokens #" + round, thread -> session(http, securedGateway.url() + path, token));
                    o = runner.run("without tokens #" + round, thread -> session(http, openGateway.url() + path, null));
                } else {
                    o = runner.run("without tokens #" + round, thread -> session(http, openGateway.url() + path, null));
                    s = runner.run("with tokens #" + round, thread -> session(http, securedGateway.url() + path, token));
                }
                System.out.println(Format.of("   ... %s: with tokens %8.1f req/s, without %8.1f req/s, %.2fx",
                        round <= 0 ? "warm-up" : "round " + round, s.requestsPerSecond(), o.requestsPerSecond(),
                        s.ratioTo(o)));
                if (round > 0) {
                    securedRounds.add(s);
                    openRounds.add(o);
                    ratios.add(s.ratioTo(o));
                }
            }
            LoadResult secured = median(securedRounds);
            LoadResult open = median(openRounds);
            Result result = new Result(secured, open, medianOf(ratios));
            System.out.println(Format.of("   median round: with tokens %.0f req/s (p50 %.2f ms), without %.0f req/s"
                    + " (p50 %.2f ms); median ratio %.2fx, overhead %.1f%%", secured.requestsPerSecond(), secured.millis(50),
                    open.requestsPerSecond(), open.millis(50), result.ratio(), (1 - result.ratio()) * 100));
            return result;
        } finally {
            stack.stopService("gateway-no-tokens");
            stack.stopService("gateway-tokens");
            stack.stopService("store-console-no-tokens");
            stack.stopService("store-console-tokens");
        }
    }

    private String operatorToken() {
        return stack.keycloak().passwordToken(DemoData.OPERATOR, DemoData.DEMO_PASSWORD);
    }

    /** The middle value (of an even number, the mean of the two middle ones). */
    static double medianOf(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The round with the median throughput (of an even number, the lower middle one). */
    private static LoadResult median(List<LoadResult> rounds) {
        List<LoadResult> sorted = new ArrayList<>(rounds);
        sorted.sort(java.util.Comparator.comparingDouble(LoadResult::requestsPerSecond));
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static LoadRunner.Session session(HttpClient http, String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        return () -> {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException("HTTP " + status + " from " + request.uri());
            }
        };
    }

    /** Both routes must give the same page, and the open one must really be open (no token sent, still 200). */
    private static void checkSameAnswer(HttpClient http, String securedUrl, String token, String openUrl) {
        try {
            HttpResponse<String> secured = http.send(HttpRequest.newBuilder(URI.create(securedUrl))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(securedUrl)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> open = http.send(HttpRequest.newBuilder(URI.create(openUrl)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonMapper json = JsonMapper.builder().build();
            JsonNode a = json.readTree(secured.body());
            JsonNode b = json.readTree(open.body());
            if (secured.statusCode() != 200 || open.statusCode() != 200 || refused.statusCode() != 401
                    || !a.path("content").equals(b.path("content"))
                    || a.path("totalElements").asLong() != b.path("totalElements").asLong()) {
                throw new IllegalStateException("the two routes differ: with token " + secured.statusCode()
                        + ", without token on the secured route " + refused.statusCode() + ", open route "
                        + open.statusCode() + ": " + open.body());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not compare the routes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where this module's compiled classes are (a directory in a build, a jar otherwise). */
    private Path benchClasses() {
        try {
            return Path.of(NoTokenStoreConsole.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
