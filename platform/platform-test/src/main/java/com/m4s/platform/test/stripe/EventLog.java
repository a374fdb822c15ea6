package com.m4s.platform.test.stripe;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Events in the order they happened, and their delivery to webhook endpoints: signed as Stripe signs, sent one after
 * another on one thread, retried with backoff on a non-2xx answer or no answer.
 */
final class EventLog implements AutoCloseable {

    record Stored(String id, String type, String account, String payload) {
    }

    private final ReentrantLock lock;
    private final Map<String, Stored> events = new LinkedHashMap<>();
    private final List<WebhookEndpoint> endpoints = new CopyOnWriteArrayList<>();
    private final List<String> held = new ArrayList<>();
    private final List<WebhookDelivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "stripe-fixture-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean holding;
    private volatile Instant signingTime;
    private volatile int maxAttempts = 4;
    private volatile Duration firstRetryDelay = Duration.ofMillis(200);

    EventLog(ReentrantLock lock) {
        this.lock = lock;
    }

    /** Records an event (caller holds the lock) and queues its delivery. */
    JsonObject emit(String type, String account, JsonObject object, JsonObject previous, String requestId,
            String idempotencyKey, long created) {
        JsonObject event = new JsonObject();
        String id = ObjectStore.newId("evt");
        event.addProperty("id", id);
        event.addProperty("object", "event");
        if (account != null) {
            event.addProperty("account", account);
        }
        event.addProperty("api_version", StripeTestServer.API_VERSION);
        event.addProperty("created", created);
        JsonObject data = new JsonObject();
        data.add("object", ObjectStore.strip(object));
        if (previous != null) {
            data.add("previous_attributes", previous);
        }
        event.add("data", data);
        event.addProperty("livemode", false);
        List<WebhookEndpoint> targets = targets(account);
        event.addProperty("pending_webhooks", holding ? 0 : targets.size());
        JsonObject request = new JsonObject();
        request.add("id", requestId == null ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(requestId));
        request.add("idempotency_key",
                idempotencyKey == null ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(idempotencyKey));
        event.add("request", request);
        event.addProperty("type", type);
        Stored stored = new Stored(id, type, account, event.toString());
        events.put(id, stored);
        if (holding) {
            held.add(id);
        } else {
            for (WebhookEndpoint endpoint : targets) {
                schedule(stored, endpoint, 1, Duration.ZERO);
            }
        }
        return event;
    }

    private List<WebhookEndpoint> targets(String account) {
        return endpoints.stream().filter(e -> e.connect() == (account != null)).toList();
    }

    private void schedule(Stored event, WebhookEndpoint endpoint, int attempt, Duration delay) {
        pending.incrementAndGet();
        sender.schedule(() -> {
            try {
                WebhookDelivery delivery = send(event, endpoint, attempt);
                if (!delivery.succeeded() && attempt < maxAttempts && endpoints.contains(endpoint)) {
                    schedule(event, endpoint, attempt + 1, firstRetryDelay.multipliedBy(1L << (attempt - 1)));
                }
            } finally {
                pending.decrementAndGet();
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private WebhookDelivery send(Stored event, WebhookEndpoint endpoint, int attempt) {
        Instant at = signingTime == null ? Instant.now() : signingTime;
        String header = signatureHeader(event.payload, endpoint.secret(), at);
        int status;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                    .header("Stripe-Signature", header)
                    .POST(HttpRequest.BodyPublishers.ofString(event.payload, StandardCharsets.UTF_8))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
            error = "interrupted";
        } catch (Exception e) {
            status = -1;
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        WebhookDelivery delivery = new WebhookDelivery(event.id, event.type, endpoint.id(), endpoint.url(), attempt,
                status, Instant.now(), error);
        deliveries.add(delivery);
        return delivery;
    }

    static String signatureHeader(String payload, String secret, Instant at) {
        long t = at.getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- controls (callers need not hold the lock)

    WebhookEndpoint addEndpoint(String url, String secret, boolean connect) {
        WebhookEndpoint endpoint = new WebhookEndpoint(ObjectStore.newId("we"), url, secret, connect);
        endpoints.add(endpoint);
        return endpoint;
    }

    void removeEndpoint(WebhookEndpoint endpoint) {
        endpoints.remove(endpoint);
    }

    void hold(boolean hold) {
        holding = hold;
    }

    /** Sends the events recorded while held, in order. */
    void releaseHeld() {
        lock.lock();
        try {
            for (String id : held) {
                Stored event = events.get(id);
                for (WebhookEndpoint endpoint : targets(event.account)) {
                    schedule(event, endpoint, 1, Duration.ZERO);
                }
            }
            held.clear();
        } finally {
            lock.unlock();
        }
    }

    void signingTime(Instant at) {
        signingTime = at;
    }

    void retries(int attempts, Duration firstDelay) {
        maxAttempts = attempts;
        firstRetryDelay = firstDelay;
    }

    List<Stored> events() {
        lock.lock();
        try {
            return List.copyOf(events.values());
        } finally {
            lock.unlock();
        }
    }

    Stored event(String id) {
        lock.lock();
        try {
            return events.get(id);
        } finally {
            lock.unlock();
        }
    }

    List<WebhookDelivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    int deliver(String eventId, WebhookEndpoint endpoint) {
        Stored event = requireEvent(eventId);
        return send(event, endpoint, 1).status();
    }

    /**
     * Sends {@code copies} copies of each event to each endpoint meant for it, all at once from many threads, in
     * shuffled order if asked; the statuses in the order the requests were made up.
     */
    List<Integer> deliverConcurrently(List<String> eventIds, int copies, boolean shuffle, WebhookEndpoint only) {
        record Job(Stored event, WebhookEndpoint endpoint) {
        }
        List<Job> jobs = new ArrayList<>();
        for (String id : eventIds) {
            Stored event = requireEvent(id);
            List<WebhookEndpoint> to = only != null ? List.of(only) : targets(event.account);
            for (WebhookEndpoint endpoint : to) {
                for (int i = 0; i < copies; i++) {
                    jobs.add(new Job(event, endpoint));
                }
            }
        }
        if (shuffle) {
            Collections.shuffle(jobs);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs.size(), 16)));
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return send(job.event, job.endpoint, 1).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get(30, TimeUnit.SECONDS));
            }
            return statuses;
        } catch (Exception e) {
            throw new IllegalStateException("concurrent delivery failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private Stored requireEvent(String id) {
        Stored event = event(id);
        if (event == null) {
            throw new IllegalArgumentException("no event " + id);
        }
        return event;
    }

    /** An account's events of the given types (all when empty), newest first. */
    List<Stored> list(String account, List<String> types) {
        lock.lock();
        try {
            List<Stored> out = new ArrayList<>();
            for (Stored event : events.values()) {
                if (Objects.equals(event.account, account) && (types.isEmpty() || types.stream().anyMatch(t -> t.equals(event.type)
                        || t.endsWith(".*") && event.type.startsWith(t.substring(0, t.length() - 1))))) {
                    out.add(event);
                }
            }
            Collections.reverse(out);
            return out;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
