package com.m4s.admin.store;

import com.m4s.platform.security.ServiceClients;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/** Calls store-console's internal provisioning API. */
@Component
class StoreConsoleClient implements StoreRuntime {

    private final RestClient http;

    /** The client registration (client credentials of tenant-admin) used for calls to store-console. */
    static final String REGISTRATION = "store-console";

    StoreConsoleClient(RestClient.Builder builder, StoreConsoleProperties properties,
            OAuth2AuthorizedClientManager serviceClients) {
        var factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
        factory.setReadTimeout(properties.provisioningTimeout());
        var token = ServiceClients.interceptor(serviceClients, REGISTRATION, "tenant-admin");
        this.http = builder.baseUrl(properties.url().toString()).requestFactory(factory).requestInterceptor(token)
                .build();
    }


    @Override
    public void provision(String storeCode, String groupCode, String timeZone) {
        call(() -> http.put().uri("/internal/stores/{code}", storeCode)
                .body(Map.of("groupCode", groupCode, "timeZone", timeZone)).retrieve().toBodilessEntity());
    }

    @Override
    public void setActive(String storeCode, boolean active) {
        call(() -> http.put().uri("/internal/stores/{code}/status", storeCode)
                .body(Map.of("status", active ? "ACTIVE" : "SUSPENDED")).retrieve().toBodilessEntity());
    }

    private static void call(Runnable request) {
        try {
            request.run();
        } catch (RestClientResponseException e) {
            String body = e.getResponseBodyAsString();
            throw new Unavailable("store-console answered " + e.getStatusCode().value()
                    + (body.isBlank() ? "" : ": " + body), e);
        } catch (RestClientException | OAuth2AuthorizationException e) {
            throw new Unavailable("store-console could not be reached: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
