package com.m4s.admin.store;

import com.m4s.platform.http.DependencyUnavailable;
import com.m4s.platform.http.OutboundHttp;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Calls store-console's internal provisioning API with tenant-admin's client-credentials token. Two named clients
 * ({@code m4s.http.clients.*}): {@value #PROVISIONING} for provisioning, which runs in the background and may take as
 * long as migrating a new schema, and {@value #STATUS} for suspend, reactivate and read-only, which run on a request
 * path (or a webhook's) and must fail fast.
 */
@Component
class StoreConsoleClient implements StoreRuntime {

    static final String PROVISIONING = "store-console-provisioning";
    static final String STATUS = "store-console";

    private final RestClient provisioning;
    private final RestClient status;

    StoreConsoleClient(OutboundHttp http, StoreConsoleProperties properties) {
        this.provisioning = http.client(PROVISIONING, properties.url().toString());
        this.status = http.client(STATUS, properties.url().toString());
    }

    @Override
    public void provision(Stores.StoreView store) {
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("groupCode", store.groupCode());
        body.put("timeZone", store.timeZone());
        body.put("name", store.name());
        body.put("address", store.address());
        body.put("phone", store.phone());
        call(() -> provisioning.put().uri("/internal/stores/{code}", store.code()).body(body).retrieve()
                .toBodilessEntity());
    }

    @Override
    public void describe(String storeCode, String name, @Nullable String address, @Nullable String phone) {
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", name);
        body.put("address", address);
        body.put("phone", phone);
        call(() -> status.put().uri("/internal/stores/{code}/details", storeCode).body(body).retrieve()
                .toBodilessEntity());
    }

    @Override
    public void setStatus(String storeCode, StoreStatus target) {
        if (target != StoreStatus.ACTIVE && target != StoreStatus.READ_ONLY && target != StoreStatus.SUSPENDED) {
            throw new IllegalArgumentException("store-console knows no status " + target);
        }
        call(() -> status.put().uri("/internal/stores/{code}/status", storeCode)
                .body(Map.of("status", target.name())).retrieve().toBodilessEntity());
    }

    private static void call(Runnable request) {
        try {
            request.run();
        } catch (DependencyUnavailable e) {
            throw new Unavailable(e.getMessage(), e);
        } catch (RestClientResponseException e) {
            String body = e.getResponseBodyAsString();
            throw new Unavailable("store-console answered " + e.getStatusCode().value()
                    + (body.isBlank() ? "" : ": " + body), e);
        } catch (RestClientException e) {
            throw new Unavailable("store-console could not be reached: " + e.getMessage(), e);
        }
    }
}
