package com.m4s.infra.bench;

import com.m4s.platform.servers.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Creates a dealer group and {@code n} stores through the gateway, as fast as the API accepts them, and polls each
 * store until it is ACTIVE. Creating answers 202 at once; tenant-admin then provisions in the background (store
 * role, schema and migrations in store-console), a few stores at a time, so later stores also wait in its queue.
 */
final class ProvisioningBench {

    static final String GROUP = "bench";
    private static final Duration POLL_PAUSE = Duration.ofMillis(100);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    /**
     * @param requestToActive per store, from sending the create request until a poll first saw it ACTIVE
     * @param createdToProvisioned per store, tenant-admin's own {@code createdAt} to {@code provisionedAt}
     * @param failed stores that did not become ACTIVE, with the reason
     */
    record Result(int requested, List<String> active, Map<String, String> failed, Duration total,
            LatencyHistogram requestToActive, LatencyHistogram createdToProvisioned) {

        Duration perStore() {
            return total.dividedBy(requested);
        }

        void summarize(Summary summary) {
            summary.add("provisioning", Format.of("%d stores ACTIVE in %s = %s per store (wall clock / stores)%s",
                    active.size(), Format.seconds(total), Format.seconds(perStore()),
                    failed.isEmpty() ? "" : "; " + failed.size() + " FAILED"));
            summary.add("  request to ACTIVE", spread(requestToActive) + " per store");
        }
    }

    private final Api api;
    private final int stores;

    ProvisioningBench(Api api, int stores) {
        this.api = api;
        this.stores = stores;
    }

    static String storeCode(int i) {
        return Format.of("bench_%04d", i);
    }

    Result run() {
        System.out.println();
        System.out.println("== 1. Provisioning " + stores + " stores through the gateway");
        require(api.post("/api/admin/groups", Map.of("code", GROUP, "name", "基准测试集团")), 201, "create group");
        Map<String, Long> requestedAt = new ConcurrentHashMap<>();
        Map<String, String> failed = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        Thread creator = Thread.ofPlatform().name("bench-create-stores").daemon()
                .start(() -> createStores(requestedAt, failed));
        Map<String, Long> activeAt = awaitActive(requestedAt, failed, start);
        Duration total = Duration.ofNanos(activeAt.values().stream().mapToLong(t -> t - start).max().orElse(0));
        joinQuietly(creator);

        LatencyHistogram requestToActive = new LatencyHistogram();
        activeAt.forEach((code, at) -> requestToActive.record(at - requestedAt.get(code)));
        LatencyHistogram createdToProvisioned = serverSideTimes(activeAt.keySet());
        Result result = new Result(stores, sorted(activeAt.keySet()), new LinkedHashMap<>(failed), total,
                requestToActive, createdToProvisioned);
        print(result);
        return result;
    }

    /** Sends every create request, noting when each was sent; a refused one counts as failed. */
    private void createStores(Map<String, Long> requestedAt, Map<String, String> failed) {
        for (int i = 1; i <= stores; i++) {
            String code = storeCode(i);
            long sent = System.nanoTime();
            try {
                Api.Response response = api.post("/api/admin/groups/" + GROUP + "/stores", Map.of("code", code,
                        "name", "基准门店 " + i, "city", "广州", "brand", "BMW", "timeZone", "Asia/Shanghai"));
                if (response.status() == 202) {
                    requestedAt.put(code, sent);
                } else {
                    failed.put(code, "create answered " + response.status() + ": " + response.raw());
                }
            } catch (RuntimeException e) {
                failed.put(code, "create failed: " + e.getMessage());
            }
        }
    }

    /** Polls the created stores until every one is ACTIVE or FAILED, or the deadline passes. */
    private Map<String, Long> awaitActive(Map<String, Long> requestedAt, Map<String, String> failed, long start) {
        Map<String, Long> activeAt = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2).plusSeconds(5L * stores));
        Instant nextProgress = Instant.now().plus(PROGRESS_EVERY);
        while (activeAt.size() + failed.size() < stores && Instant.now().isBefore(deadline)) {
            for (String code : sorted(requestedAt.keySet())) {
                if (activeAt.containsKey(code) || failed.containsKey(code)) {
                    continue;
                }
                JsonNode store = api.get("/api/admin/stores/" + code).json();
                switch (store.path("status").asString("")) {
                    case "ACTIVE" -> activeAt.put(code, System.nanoTime());
                    case "FAILED" -> failed.put(code, "FAILED: " + store.path("failureReason").asString(""));
                    default -> {
                        // still PROVISIONING
                    }
                }
            }
            if (Instant.now().isAfter(nextProgress)) {
                System.out.println(Format.of("   ... %d/%d ACTIVE after %s", activeAt.size(), stores,
                        Format.seconds(Duration.ofNanos(System.nanoTime() - start))));
                nextProgress = Instant.now().plus(PROGRESS_EVERY);
            }
            pause(POLL_PAUSE);
        }
        for (int i = 1; i <= stores; i++) {
            if (!activeAt.containsKey(storeCode(i))) {
                failed.putIfAbsent(storeCode(i), "not ACTIVE by the deadline");
            }
        }
        return activeAt;
    }

    /** tenant-admin's own record of each store: creation to provisioned, free of the polling interval. */
    private LatencyHistogram serverSideTimes(Iterable<String> codes) {
        LatencyHistogram times = new LatencyHistogram();
        for (String code : codes) {
            JsonNode store = api.get("/api/admin/stores/" + code).json();
            Instant created = Instant.parse(store.path("createdAt").asString());
            Instant provisioned = Instant.parse(store.path("provisionedAt").asString());
            times.record(Duration.between(created, provisioned).toNanos());
        }
        return times;
    }

    private static void print(Result result) {
        System.out.println(Format.of("   %d of %d stores ACTIVE in %s: %s per store (wall clock / stores)",
                result.active().size(), result.requested(), Format.seconds(result.total()),
                Format.seconds(result.perStore())));
        System.out.println(Format.of("   per store, request to ACTIVE (seen by polling every %d ms): %s",
                POLL_PAUSE.toMillis(), spread(result.requestToActive())));
        System.out.println("   per store, tenant-admin's createdAt to provisionedAt:        "
                + spread(result.createdToProvisioned()));
        System.out.println("   (stores are provisioned a few at a time in the background; the later ones wait in"
                + " tenant-admin's queue, which the per-store times include)");
        result.failed().forEach((code, reason) -> System.out.println("   FAILED " + code + ": " + reason));
    }

    /** "p50 1.23 s, max 2.34 s" */
    private static String spread(LatencyHistogram times) {
        return Format.of("p50 %.2f s, max %.2f s", times.percentileNanos(50) / 1e9, times.maxNanos() / 1e9);
    }

    private static List<String> sorted(Iterable<String> codes) {
        List<String> list = new ArrayList<>();
        codes.forEach(list::add);
        list.sort(null);
        return list;
    }

    private static void require(Api.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + ": expected " + status + " but got " + response.status() + ": "
                    + response.raw());
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(Duration.ofMinutes(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
