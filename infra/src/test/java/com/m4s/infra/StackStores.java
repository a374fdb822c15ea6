package com.m4s.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Dealer groups and stores created through a running stack's gateway, as the platform operator creates them. */
final class StackStores {

    private static final Duration PROVISIONING = Duration.ofSeconds(60);

    private StackStores() {
    }

    /** The group, created unless it exists already (201 or 409). */
    static void group(Api operator, String code, String name) {
        Api.Response group = operator.post("/api/admin/groups", Map.of("code", code, "name", name));
        assertThat(group.status()).as(group.raw()).isIn(201, 409);
    }

    /** Asks for a new store of the group (a Guangzhou Toyota store); provisioning runs in the background (202). */
    static void create(Api operator, String group, String code, String name) {
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("code", code);
        store.put("name", name);
        store.put("city", "广州");
        store.put("brand", "Toyota");
        store.put("timeZone", "Asia/Shanghai");
        Api.Response response = operator.post("/api/admin/groups/" + group + "/stores", store);
        assertThat(response.status()).as(response.raw()).isEqualTo(202);
    }

    /** The store once it has this status (polled every 100 ms for up to a minute). */
    static JsonNode awaitStatus(Api operator, String code, String status) {
        Instant deadline = Instant.now().plus(PROVISIONING);
        JsonNode store;
        do {
            store = operator.get("/api/admin/stores/" + code).json();
            if (status.equals(store.path("status").asString())) {
                return store;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + code, e);
            }
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(code + " did not become " + status + " within " + PROVISIONING + ": " + store);
    }
}
