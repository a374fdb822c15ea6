package com.m4s.store.staff;

import com.m4s.platform.security.ServiceClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * Staff logins in Keycloak, through its Admin API with store-console's own client-credentials token. Every call is
 * safe to repeat: a user is looked up by username before it is created.
 */
@Component
class Identities {

    /** Keycloak refused or could not be reached. */
    static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A login as Keycloak has it. */
    record Identity(String id, List<String> stores) {
    }

    private final RestClient admin;

    Identities(RestClient.Builder builder, OAuth2AuthorizedClientManager serviceClients,
            @Value("${m4s.keycloak.url}") String url, @Value("${m4s.keycloak.realm}") String realm) {
        this.admin = builder.baseUrl(url + "/admin/realms/" + realm)
                .requestInterceptor(ServiceClients.interceptor(serviceClients, "keycloak-admin", "store-console"))
                .build();
    }

    Optional<Identity> find(String username) {
        JsonNode users = call(() -> admin.get().uri("/users?exact=true&username={u}", username).retrieve()
                .body(JsonNode.class));
        if (users == null || users.isEmpty()) {
            return Optional.empty();
        }
        JsonNode user = users.get(0);
        List<String> stores = new ArrayList<>();
        user.path("attributes").path("stores").forEach(s -> stores.add(s.asString()));
        return Optional.of(new Identity(user.path("id").asString(), stores));
    }

    /** Creates an enabled login with a temporary password the person must change at first sign-in. */
    String create(String username, String displayName, String store, @Nullable String group, StaffRole role,
            @Nullable String department, String initialPassword) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("firstName", displayName);
        user.put("attributes", attributes(store, group, department));
        user.put("credentials", List.of(Map.of("type", "password", "value", initialPassword, "temporary", true)));
        URI location = call(() -> admin.post().uri("/users").body(user).retrieve().toBodilessEntity().getHeaders()
                .getLocation());
        if (location == null) {
            throw new Unavailable("Keycloak created " + username + " but did not say where", null);
        }
        String path = location.getPath();
        String id = path.substring(path.lastIndexOf('/') + 1);
        grant(id, role);
        return id;
    }

    /** Sets role and department (removing the other store role). */
    void change(String id, String store, @Nullable String group, StaffRole role, @Nullable String department) {
        JsonNode user = call(() -> admin.get().uri("/users/{id}", id).retrieve().body(JsonNode.class));
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("username", user.path("username").asString());
        update.put("firstName", user.path("firstName").asString(""));
        update.put("attributes", attributes(store, group, department));
        call(() -> admin.put().uri("/users/{id}", id).body(update).retrieve().toBodilessEntity());
        for (StaffRole other : StaffRole.values()) {
            if (other != role) {
                JsonNode assigned = call(() -> admin.get().uri("/users/{id}/role-mappings/realm", id).retrieve()
                        .body(JsonNode.class));
                List<JsonNode> remove = new ArrayList<>();
                assigned.forEach(r -> {
                    if (other.realmRole().equals(r.path("name").asString())) {
                        remove.add(r);
                    }
                });
                if (!remove.isEmpty()) {
                    call(() -> admin.method(org.springframework.http.HttpMethod.DELETE)
                            .uri("/users/{id}/role-mappings/realm", id).body(remove).retrieve().toBodilessEntity());
                }
            }
        }
        grant(id, role);
    }

    void setEnabled(String id, boolean enabled) {
        call(() -> admin.put().uri("/users/{id}", id).body(Map.of("enabled", enabled)).retrieve().toBodilessEntity());
    }

    private void grant(String id, StaffRole role) {
        JsonNode available = call(() -> admin.get().uri("/users/{id}/role-mappings/realm/available", id).retrieve()
                .body(JsonNode.class));
        for (JsonNode r : available) {
            if (role.realmRole().equals(r.path("name").asString())) {
                call(() -> admin.post().uri("/users/{id}/role-mappings/realm", id).body(List.of(r)).retrieve()
                        .toBodilessEntity());
                return;
            }
        }
        // not available means already assigned
    }

    private static Map<String, List<String>> attributes(String store, @Nullable String group,
            @Nullable String department) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("stores", List.of(store));
        if (group != null) {
            attributes.put("dealer_group", List.of(group));
        }
        if (department != null) {
            attributes.put("department", List.of(department));
        }
        return attributes;
    }

    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT)) {
                throw new Taken(e);
            }
            throw new Unavailable("Keycloak answered " + e.getStatusCode().value() + ": "
                    + e.getResponseBodyAsString(), e);
        } catch (RestClientException | OAuth2AuthorizationException e) {
            throw new Unavailable("Keycloak could not be reached: " + e.getMessage(), e);
        }
    }

    /** Keycloak already has a user with that username (or e-mail). */
    static class Taken extends RuntimeException {
        Taken(Throwable cause) {
            super(cause);
        }
    }
}
