package com.m4s.admin.billing;

import com.m4s.platform.http.DependencyUnavailable;
import com.m4s.platform.web.ApiException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Tells store-console what it needs of a dealer group (its internal {@code /internal/groups/...} API): the connected
 * account owners' payments go to, and the billing state its stores' console shows in a banner. Same outbound client
 * as suspending a store ({@code m4s.http.clients.store-console}): on a request or webhook path, failing fast.
 */
class StoreConsoleGroups {

    private final RestClient client;

    StoreConsoleGroups(RestClient client) {
        this.client = client;
    }

    void paymentAccount(String groupCode, @Nullable String stripeAccountId) {
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("stripeAccountId", stripeAccountId);
        call(() -> client.put().uri("/internal/groups/{group}/payment-account", groupCode).body(body).retrieve()
                .toBodilessEntity());
    }

    void billing(String groupCode, BillingStatus status, @Nullable Instant readOnlyFrom) {
        Map<String, @Nullable Object> body = new java.util.LinkedHashMap<>();
        body.put("state", status.name());
        body.put("readOnlyFrom", readOnlyFrom == null ? null : readOnlyFrom.toString());
        call(() -> client.put().uri("/internal/groups/{group}/billing", groupCode).body(body).retrieve()
                .toBodilessEntity());
    }

    private static void call(Runnable request) {
        try {
            request.run();
        } catch (DependencyUnavailable e) {
            throw new Unavailable(DependencyUnavailable.reasonOf(e));
        } catch (RestClientException e) {
            throw new Unavailable("store-console: " + e.getMessage());
        }
    }

    /** 503: store-console could not be told; nothing changed here, retrying is safe. */
    static class Unavailable extends ApiException {
        Unavailable(Object reason) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "store-runtime-unavailable", reason);
        }
    }
}
