package com.m4s.platform.test.stripe;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.StripeClient;
import com.stripe.model.Event;
import com.stripe.net.ApiResource;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Test fixture: a local, in-memory server that answers the part of Stripe's HTTP API M4S uses (PaymentIntents with
 * WeChat Pay, Alipay and cards on connected accounts, refunds, disputes, Billing subscriptions with prorations and
 * invoices), signs and delivers webhooks, and has a clock tests move like Stripe's test clocks. Never on the
 * production path. Point {@code StripeClient.builder().setApiBase(server.url())} at it.
 *
 * <p>All state sits behind one lock; webhooks go out on their own thread, after the request that caused them.
 */
public final class StripeTestServer implements AutoCloseable {

    /** The API version the fixture speaks: stripe-java's {@code Stripe.API_VERSION} (a test keeps them equal). */
    public static final String API_VERSION = "2026-07-29.dahlia";
    public static final String SECRET_KEY = "sk_test_fixture";
    public static final String PUBLISHABLE_KEY = "pk_test_fixture";

    private static StripeTestServer shared;

    private record Idempotent(String fingerprint, Response response) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final HttpServer http;
    private final ExecutorService httpThreads;
    private final ObjectStore store = new ObjectStore();
    private final EventLog events = new EventLog(lock);
    private final Payments payments = new Payments(this, store);
    private final Customers customers = new Customers(this, store, payments);
    private final Invoices invoices = new Invoices(this, store);
    private final Subscriptions subscriptions = new Subscriptions(this, store, invoices);
    private final TestControls controls = new TestControls(this, store, payments, customers, invoices);
    private final Set<String> connected = new LinkedHashSet<>();
    private final Map<String, Idempotent> idempotency = new HashMap<>();
    private final String url;
    private volatile String publicUrl;
    private Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    private StripeTestServer(String host, int port) throws IOException {
        http = HttpServer.create(new InetSocketAddress(host, port), 64);
        httpThreads = Executors.newFixedThreadPool(8, r -> {
            Thread thread = new Thread(r, "stripe-fixture-http");
            thread.setDaemon(true);
            return thread;
        });
        http.setExecutor(httpThreads);
        http.createContext("/", this::handle);
        http.start();
        String shown = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        url = "http://" + shown + ":" + http.getAddress().getPort();
        publicUrl = url;
    }

    // ---- starting and stopping

    /** A new server on a free port of 127.0.0.1. */
    public static StripeTestServer start() {
        return start(0);
    }

    public static StripeTestServer start(int port) {
        return start("127.0.0.1", port);
    }

    public static StripeTestServer start(String host, int port) {
        try {
            return new StripeTestServer(host, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One server per test JVM, started on first use, stopped with the JVM. */
    public static synchronized StripeTestServer shared() {
        if (shared == null) {
            shared = start();
            StripeTestServer started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stripe-fixture-stop"));
        }
        return shared;
    }

    /** Points a Spring Boot test's Stripe client at the shared server. */
    public static void register(DynamicPropertyRegistry registry) {
        StripeTestServer server = shared();
        registry.add("m4s.stripe.api-base", server::url);
        registry.add("m4s.stripe.secret-key", () -> SECRET_KEY);
        registry.add("m4s.stripe.publishable-key", () -> PUBLISHABLE_KEY);
        registry.add("m4s.stripe.js-url", server::jsUrl);
    }

    /** Where the fixture's stand-in for Stripe.js is (card details typed in the browser go to the fixture). */
    public String jsUrl() {
        return publicUrl + "/_test/js/v3";
    }

    /** The API base, e.g. {@code http://127.0.0.1:PORT}. */
    public String url() {
        return publicUrl;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /**
     * The base put in the links the fixture hands out (QR codes, redirects, invoices, portal) when browsers reach it
     * by another address than the one it listens on.
     */
    public void publicUrl(String base) {
        publicUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A stripe-java client for this server with {@link #SECRET_KEY}. */
    public StripeClient client() {
        return StripeClient.builder().setApiKey(SECRET_KEY).setApiBase(url).setMaxNetworkRetries(0).build();
    }

    @Override
    public void close() {
        http.stop(0);
        httpThreads.shutdownNow();
        events.close();
    }

    // ---- accounts

    /** Registers a connected account the platform may act on with {@code Stripe-Account}. */
    public String connectedAccount(String accountId) {
        if (!accountId.startsWith("acct_")) {
            throw new IllegalArgumentException("account ids start with acct_: " + accountId);
        }
        lock.lock();
        try {
            connected.add(accountId);
            return accountId;
        } finally {
            lock.unlock();
        }
    }

    List<String> accounts() {
        List<String> accounts = new ArrayList<>();
        accounts.add(null);
        accounts.addAll(connected);
        return accounts;
    }

    // ---- the clock

    public Instant now() {
        lock.lock();
        try {
            return now;
        } finally {
            lock.unlock();
        }
    }

    long clock() {
        return now.getEpochSecond();
    }

    /**
     * Moves the clock forward (never back), doing in order what falls due on the way: trials and periods end, invoices
     * are made and collected, failed payments retried.
     */
    public void advanceTo(Instant target) {
        lock.lock();
        try {
            Instant to = target.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            if (to.isBefore(now)) {
                throw new IllegalArgumentException("the clock only moves forward: " + now + " → " + to);
            }
            while (true) {
                Long next = subscriptions.nextBoundary();
                if (next == null || next > to.getEpochSecond()) {
                    break;
                }
                now = Instant.ofEpochSecond(Math.max(next, now.getEpochSecond()));
                subscriptions.runDue();
            }
            now = to;
        } finally {
            lock.unlock();
        }
    }

    public void advance(Duration duration) {
        advanceTo(now().plus(duration));
    }

    // ---- test controls

    /** The customer authorises the payment (WeChat scan, Alipay redirect): the intent succeeds. */
    public void succeed(String paymentIntentId) {
        control(paymentIntentId, "succeed");
    }

    /** The customer's payment fails: the intent goes back to requires_payment_method with last_payment_error. */
    public void fail(String paymentIntentId) {
        control(paymentIntentId, "fail");
    }

    /** The payment is in flight: requires_action → processing. */
    public void processing(String paymentIntentId) {
        control(paymentIntentId, "processing");
    }

    private JsonObject control(String paymentIntentId, String outcome) {
        lock.lock();
        try {
            ObjectStore.Stored stored = stored(paymentIntentId, "payment_intent");
            Call call = Call.internal(stored.account());
            switch (outcome) {
                case "succeed" -> payments.succeed(stored.json(), call);
                case "fail" -> payments.fail(stored.json(), null, call);
                case "processing" -> payments.processing(stored.json(), call);
                default -> throw ApiError.invalid("outcome is succeed, fail or processing", "outcome");
            }
            return stored.json();
        } catch (ApiError e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Opens a dispute (reason fraudulent, needs_response) on a charge; returns the dispute's id. */
    public String dispute(String chargeId) {
        lock.lock();
        try {
            ObjectStore.Stored charge = stored(chargeId, "charge");
            return ObjectStore.str(payments.dispute(charge.json(), charge.account()), "id");
        } finally {
            lock.unlock();
        }
    }

    /**
     * Attempts to collect an open invoice now with the customer's default payment method (fix it first); true when
     * paid. A paid invoice makes its past-due subscription active again.
     */
    public boolean payInvoice(String invoiceId) {
        lock.lock();
        try {
            ObjectStore.Stored invoice = stored(invoiceId, "invoice");
            if (!"open".equals(ObjectStore.str(invoice.json(), "status"))) {
                throw new IllegalStateException(invoiceId + " is " + ObjectStore.str(invoice.json(), "status"));
            }
            return invoices.pay(invoice.json(), Call.internal(invoice.account()));
        } finally {
            lock.unlock();
        }
    }

    private ObjectStore.Stored stored(String id, String type) {
        ObjectStore.Stored stored = store.find(id);
        if (stored == null || !stored.type().equals(type)) {
            throw new IllegalArgumentException("no " + type + " " + id);
        }
        return stored;
    }

    // ---- events and webhooks

    JsonObject emit(String type, String account, JsonObject object, JsonObject previous, Call call) {
        return events.emit(type, account, object, previous, call.requestId(), call.idempotencyKey(), clock());
    }

    /** Every event so far, oldest first, as stripe-java reads them. */
    public List<Event> events() {
        return events.events().stream().map(e -> parseEvent(e.payload())).toList();
    }

    public List<Event> eventsOfType(String type) {
        return events.events().stream().filter(e -> e.type().equals(type)).map(e -> parseEvent(e.payload()))
                .toList();
    }

    /** The events whose {@code data.object} is the object with this id (a payment intent, invoice...), oldest first. */
    public List<Event> eventsAbout(String objectId) {
        return events.events().stream().filter(e -> objectId.equals(JsonParser.parseString(e.payload())
                .getAsJsonObject().getAsJsonObject("data").getAsJsonObject("object").get("id").getAsString()))
                .map(e -> parseEvent(e.payload())).toList();
    }

    /** The exact JSON the fixture sends for an event. */
    public String eventPayload(String eventId) {
        EventLog.Stored event = events.event(eventId);
        if (event == null) {
            throw new IllegalArgumentException("no event " + eventId);
        }
        return event.payload();
    }

    private static Event parseEvent(String payload) {
        return ApiResource.GSON.fromJson(payload, Event.class);
    }

    /** Configures an endpoint: {@code connect} ones get connected accounts' events, the others the platform's. */
    public WebhookEndpoint webhookEndpoint(String endpointUrl, String secret, boolean connect) {
        return events.addEndpoint(endpointUrl, secret, connect);
    }

    public void removeWebhookEndpoint(WebhookEndpoint endpoint) {
        events.removeEndpoint(endpoint);
    }

    /** While held, events are recorded but not sent (the webhook that never arrives). */
    public void holdWebhooks(boolean hold) {
        events.hold(hold);
    }

    /** Sends the events recorded while held. */
    public void releaseHeldWebhooks() {
        events.releaseHeld();
    }

    /** Every delivery attempt so far, in the order they were answered. */
    public List<WebhookDelivery> deliveries() {
        return events.deliveries();
    }

    /** Waits until no delivery is queued or waiting for a retry; false on timeout. */
    public boolean awaitWebhooks(Duration timeout) {
        try {
            return events.awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Delivery attempts per event and endpoint (default 4) and the first retry's delay (default 200 ms, doubling). */
    public void webhookRetries(int maxAttempts, Duration firstDelay) {
        events.retries(maxAttempts, firstDelay);
    }

    /** Sends an event to an endpoint once more, now, on this thread; the HTTP status (-1: no answer). */
    public int deliver(String eventId, WebhookEndpoint endpoint) {
        return events.deliver(eventId, endpoint);
    }

    /**
     * Sends {@code copies} copies of each event to each endpoint meant for it, all at once, optionally shuffled; the
     * statuses answered.
     */
    public List<Integer> deliverConcurrently(List<String> eventIds, int copies, boolean shuffle) {
        return events.deliverConcurrently(eventIds, copies, shuffle, null);
    }

    public List<Integer> deliverConcurrently(WebhookEndpoint endpoint, List<String> eventIds, int copies,
            boolean shuffle) {
        return events.deliverConcurrently(eventIds, copies, shuffle, endpoint);
    }

    /** Signs with this time instead of the wall clock (stale-signature tests); {@code null} goes back to the clock. */
    public void signingTime(Instant at) {
        events.signingTime(at);
    }

    /** The {@code Stripe-Signature} header Stripe would send for this payload, secret and time. */
    public String signedRequest(String payload, String secret, Instant at) {
        return EventLog.signatureHeader(payload, secret, at);
    }

    // ---- HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response;
            try {
                String path = exchange.getRequestURI().getRawPath();
                if (path.startsWith("/v1/")) {
                    response = api(exchange);
                } else if (path.startsWith("/_test/")) {
                    response = testRoute(exchange);
                } else {
                    response = Response.json(404, ApiError.invalid("Unrecognized request URL (" +
                            exchange.getRequestMethod() + ": " + path + ").", null).body());
                }
            } catch (ApiError e) {
                response = Response.json(e.status, e.body());
            } catch (RuntimeException e) {
                ApiError error = new ApiError(500, "api_error", null, "Fixture failure: " + e, null);
                response = Response.json(500, error.body());
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            if (response.body().length > 0) {
                exchange.getResponseBody().write(response.body());
            }
        }
    }

    private Response api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String apiKey = apiKey(exchange.getRequestHeaders().getFirst("Authorization"));
        if (apiKey == null || !apiKey.startsWith("sk_test_")) {
            ApiError error = new ApiError(401, "invalid_request_error", null, apiKey == null
                    ? "You did not provide an API key. You need to provide your API key in the Authorization header, "
                            + "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."
                    : "Invalid API Key provided: " + apiKey, null);
            return Response.json(401, error.body());
        }
        String account = exchange.getRequestHeaders().getFirst("Stripe-Account");
        if (account != null && account.isBlank()) {
            account = null;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        String params = method.equals("POST") ? body : (query == null ? "" : query);
        String rawPath = exchange.getRequestURI().getRawPath().substring("/v1/".length());
        List<String> path = Arrays.stream(rawPath.split("/")).filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
        String idempotencyKey = method.equals("GET") ? null : exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String requestId = ObjectStore.newId("req");
        lock.lock();
        try {
            if (account != null && !connected.contains(account)) {
                throw new ApiError(403, "invalid_request_error", "account_invalid", "The provided key '"
                        + apiKey.substring(0, Math.min(apiKey.length(), 12)) + "****' does not have access to account '"
                        + account + "' (or that account does not exist). Application access may have been revoked.",
                        null);
            }
            String key = (account == null ? "" : account) + " " + idempotencyKey;
            String fingerprint = method + " " + rawPath + "\n" + params;
            if (idempotencyKey != null) {
                Idempotent prior = idempotency.get(key);
                if (prior != null) {
                    if (!prior.fingerprint.equals(fingerprint)) {
                        throw new ApiError(400, "idempotency_error", "idempotency_key_in_use",
                                "Keys for idempotent requests can only be used with the same parameters they were "
                                        + "first used with. Try using a key other than '" + idempotencyKey
                                        + "' if you meant to execute a different request.", null);
                    }
                    Response replay = new Response(prior.response.status(), prior.response.contentType(),
                            prior.response.body(), new LinkedHashMap<>(prior.response.headers()));
                    replay.headers().put("Idempotent-Replayed", "true");
                    return replay;
                }
            }
            Call call = new Call(method, path, FormParams.parse(params), account, requestId, idempotencyKey);
            Response response;
            try {
                JsonObject result = route(call);
                if (result == null) {
                    throw new ApiError(404, "invalid_request_error", null,
                            "Unrecognized request URL (" + method + ": /v1/" + rawPath + ").", null);
                }
                response = Response.json(200, store.render(result, call.params().strings("expand")));
            } catch (ApiError e) {
                response = Response.json(e.status, e.body());
            }
            response.headers().put("Request-Id", requestId);
            response.headers().put("Stripe-Version", API_VERSION);
            if (account != null) {
                response.headers().put("Stripe-Account", account);
            }
            if (idempotencyKey != null) {
                response.headers().put("Idempotency-Key", idempotencyKey);
                idempotency.put(key, new Idempotent(fingerprint, response));
            }
            return response;
        } finally {
            lock.unlock();
        }
    }

    /** The key of {@code Bearer sk_test_...} or of Basic auth with the key as user name, as Stripe accepts. */
    private static String apiKey(String authorization) {
        if (authorization == null) {
            return null;
        }
        if (authorization.startsWith("Bearer ")) {
            return authorization.substring(7).trim();
        }
        if (authorization.startsWith("Basic ")) {
            try {
                String decoded = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                return decoded.contains(":") ? decoded.substring(0, decoded.indexOf(':')) : decoded;
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        return "";
    }

    private JsonObject route(Call call) {
        if (call.path().isEmpty()) {
            return null;
        }
        if ("events".equals(call.segment(0)) && call.method().equals("GET")) {
            if (call.path().size() == 1) {
                List<JsonObject> list = new ArrayList<>();
                List<String> types = new ArrayList<>(call.params().strings("types"));
                if (call.params().string("type") != null) {
                    types.add(call.params().string("type"));
                }
                for (EventLog.Stored event : events.list(call.account(), types)) {
                    list.add(JsonParser.parseString(event.payload()).getAsJsonObject());
                }
                return Lists.page(list, call.params(), "/v1/events");
            }
            EventLog.Stored event = events.event(call.segment(1));
            if (event == null || !java.util.Objects.equals(event.account(), call.account())) {
                throw ApiError.noSuch("event", call.segment(1), "id");
            }
            return JsonParser.parseString(event.payload()).getAsJsonObject();
        }
        JsonObject result = payments.route(call);
        if (result == null) {
            result = customers.route(call);
        }
        if (result == null) {
            result = subscriptions.route(call);
        }
        return result != null ? result : invoices.route(call);
    }

    private Response testRoute(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        List<String> path = Arrays.stream(exchange.getRequestURI().getRawPath().substring("/_test/".length())
                .split("/")).filter(s -> !s.isEmpty()).map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
        FormParams query = FormParams.parse(exchange.getRequestURI().getRawQuery());
        FormParams form = FormParams.parse(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        lock.lock();
        try {
            return controls.handle(method, path, query, form);
        } finally {
            lock.unlock();
        }
    }

    /** Registers a connected account (the caller holds the lock). */
    void addConnected(String accountId) {
        connected.add(accountId);
    }


    // ---- as a process

    /**
     * Runs the fixture as a process. Options (or environment): {@code --port=N} ({@code M4S_STRIPE_FIXTURE_PORT}, 0:
     * free), {@code --host=H} ({@code M4S_STRIPE_FIXTURE_HOST}, 127.0.0.1), {@code --public-url=U}
     * ({@code M4S_STRIPE_FIXTURE_PUBLIC_URL}), {@code --account=acct_x} repeatable ({@code M4S_STRIPE_FIXTURE_ACCOUNTS},
     * comma-separated), {@code --webhook=URL,SECRET[,connect]} repeatable ({@code M4S_STRIPE_FIXTURE_WEBHOOKS},
     * semicolon-separated). Prints {@code Stripe test fixture listening on URL}.
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, List<String>> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("usage: StripeTestServer [--port=N] [--host=H] [--public-url=U] "
                        + "[--account=acct_x]... [--webhook=URL,SECRET[,connect]]...");
                System.exit(2);
            }
            String name = arg.substring(2, arg.indexOf('='));
            options.computeIfAbsent(name, k -> new ArrayList<>()).add(arg.substring(arg.indexOf('=') + 1));
        }
        env(options, "port", "M4S_STRIPE_FIXTURE_PORT", null);
        env(options, "host", "M4S_STRIPE_FIXTURE_HOST", null);
        env(options, "public-url", "M4S_STRIPE_FIXTURE_PUBLIC_URL", null);
        env(options, "account", "M4S_STRIPE_FIXTURE_ACCOUNTS", ",");
        env(options, "webhook", "M4S_STRIPE_FIXTURE_WEBHOOKS", ";");
        int port = Integer.parseInt(options.getOrDefault("port", List.of("0")).getFirst());
        String host = options.getOrDefault("host", List.of("127.0.0.1")).getFirst();
        StripeTestServer server = start(host, port);
        if (options.containsKey("public-url")) {
            server.publicUrl(options.get("public-url").getFirst());
        }
        options.getOrDefault("account", List.of()).forEach(server::connectedAccount);
        for (String webhook : options.getOrDefault("webhook", List.of())) {
            String[] parts = webhook.split(",");
            server.webhookEndpoint(parts[0], parts[1], parts.length > 2 && parts[2].equals("connect"));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stripe-fixture-stop"));
        System.out.println("Stripe test fixture listening on " + server.url());
        System.out.flush();
        Thread.currentThread().join();
    }

    private static void env(Map<String, List<String>> options, String name, String variable, String separator) {
        String value = System.getenv(variable);
        if (options.containsKey(name) || value == null || value.isBlank()) {
            return;
        }
        options.put(name, separator == null ? List.of(value)
                : Arrays.stream(value.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }
}
