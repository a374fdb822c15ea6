package com.m4s.store.identity;

import com.m4s.platform.http.DependencyUnavailable;
import com.m4s.platform.http.OutboundHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * Logins of a store's people (staff, owners) in Keycloak, through its Admin API with store-console's own
 * client-credentials token (outbound client {@value #CLIENT}: a hung Keycloak fails the call within its timeouts).
 * Every call is safe to repeat: a user is looked up by username before it is created.
 */
@Component
public class Identities {

    /** Keycloak refused or could not be reached. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    /** Keycloak already has a user with that username (or e-mail). */
    public static class Taken extends RuntimeException {
        Taken(Throwable cause) {
            super(cause);
        }
    }

    /**
     * What a login says about its person, kept as user attributes that the realm maps into token claims.
     *
     * @param member the store's member record an owner login is bound to
     * @param staff  the staff record whose invitation made the login
     */
    public record Profile(String displayName, String store, @Nullable String group, @Nullable String department,
            @Nullable String phone, @Nullable String member, @Nullable String staff) {

        public Profile(String displayName, String store, @Nullable String group, @Nullable String department,
                @Nullable String phone, @Nullable String member) {
            this(displayName, store, group, department, phone, member, null);
        }
    }

    /**
     * A login as Keycloak has it.
     *
     * @param staff the staff record whose invitation made the login, if one did
     */
    public record Identity(String id, List<String> stores, @Nullable String member, @Nullable String staff) {
    }

    /** The outbound client's name: timeouts and token in {@code m4s.http.clients.keycloak-admin}. */
    static final String CLIENT = "keycloak-admin";

    private final RestClient admin;

    public Identities(OutboundHttp http, KeycloakAdminProperties keycloak) {
        this.admin = http.client(CLIENT, keycloak.url() + "/admin/realms/" + keycloak.realm());
    }

    public Optional<Identity> find(String username) {
        JsonNode users = call(() -> admin.get().uri("/users?exact=true&username={u}", username).retrieve()
                .body(JsonNode.class));
        if (users == null || users.isEmpty()) {
            return Optional.empty();
        }
        JsonNode user = users.get(0);
        List<String> stores = new ArrayList<>();
        user.path("attributes").path("stores").forEach(s -> stores.add(s.asString()));
        JsonNode member = user.path("attributes").path("member").path(0);
        JsonNode staff = user.path("attributes").path("staff").path(0);
        return Optional.of(new Identity(user.path("id").asString(), stores,
                member.isMissingNode() ? null : member.asString(), staff.isMissingNode() ? null : staff.asString()));
    }

    /** Names of the login's realm roles, composite ones included. */
    public List<String> realmRoles(String id) {
        JsonNode roles = call(() -> admin.get().uri("/users/{id}/role-mappings/realm/composite", id).retrieve()
                .body(JsonNode.class));
        List<String> names = new ArrayList<>();
        if (roles != null) {
            roles.forEach(r -> names.add(r.path("name").asString()));
        }
        return names;
    }

    /**
     * Creates an enabled login with one realm role.
     *
     * @param temporary whether the person must change the password at first sign-in (set by someone else)
     */
    public String create(String username, Profile profile, String realmRole, String password, boolean temporary) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("firstName", profile.displayName());
        user.put("attributes", attributes(profile));
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", temporary)));
        URI location = call(() -> admin.post().uri("/users").body(user).retrieve().toBodilessEntity().getHeaders()
                .getLocation());
        if (location == null) {
            throw new Unavailable("Keycloak created " + username + " but did not say where", null);
        }
        String path = location.getPath();
        String id = path.substring(path.lastIndexOf('/') + 1);
        grant(id, realmRole);
        return id;
    }

    /** Sets the profile and the role, removing the other roles of {@code exclusive}. */
    public void change(String id, Profile profile, String realmRole, List<String> exclusive) {
        JsonNode user = call(() -> admin.get().uri("/users/{id}", id).retrieve().body(JsonNode.class));
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("username", user.path("username").asString());
        update.put("firstName", user.path("firstName").asString(profile.displayName()));
        update.put("attributes", attributes(profile));
        call(() -> admin.put().uri("/users/{id}", id).body(update).retrieve().toBodilessEntity());
        for (String other : exclusive) {
            if (!other.equals(realmRole)) {
                JsonNode assigned = call(() -> admin.get().uri("/users/{id}/role-mappings/realm", id).retrieve()
                        .body(JsonNode.class));
                List<JsonNode> remove = new ArrayList<>();
                assigned.forEach(r -> {
                    if (other.equals(r.path("name").asString())) {
                        remove.add(r);
                    }
                });
                if (!remove.isEmpty()) {
                    call(() -> admin.method(org.springframework.http.HttpMethod.DELETE)
                            .uri("/users/{id}/role-mappings/realm", id).body(remove).retrieve().toBodilessEntity());
                }
            }
        }
        grant(id, realmRole);
    }

    /** Sets a password the person chose themselves (not temporary). */
    public void setPassword(String id, String password) {
        call(() -> admin.put().uri("/users/{id}/reset-password", id)
                .body(Map.of("type", "password", "value", password, "temporary", false)).retrieve()
                .toBodilessEntity());
    }

    public void setEnabled(String id, boolean enabled) {
        call(() -> admin.put().uri("/users/{id}", id).body(Map.of("enabled", enabled)).retrieve().toBodilessEntity());
    }

    /** Removes a login (to undo one that lost a race); a login already gone is fine. */
    public void delete(String id) {
        try {
            admin.delete().uri("/users/{id}", id).retrieve().toBodilessEntity();
        } catch (RestClientResponseException e) {
            if (!e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                throw new Unavailable("Keycloak answered " + e.getStatusCode().value() + ": "
                        + e.getResponseBodyAsString(), e);
            }
        } catch (DependencyUnavailable e) {
            throw new Unavailable(e.getMessage(), e);
        } catch (RestClientException e) {
            throw new Unavailable("Keycloak could not be reached: " + e.getMessage(), e);
        }
    }

    private void grant(String id, String realmRole) {
        JsonNode available = call(() -> admin.get().uri("/users/{id}/role-mappings/realm/available", id).retrieve()
                .body(JsonNode.class));
        for (JsonNode r : available) {
            if (realmRole.equals(r.path("name").asString())) {
                call(() -> admin.post().uri("/users/{id}/role-mappings/realm", id).body(List.of(r)).retrieve()
                        .toBodilessEntity());
                return;
            }
        }
        // not available means already assigned
    }

    private static Map<String, List<String>> attributes(Profile profile) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("stores", List.of(profile.store()));
        if (profile.group() != null) {
            attributes.put("dealer_group", List.of(profile.group()));
        }
        if (profile.department() != null) {
            attributes.put("department", List.of(profile.department()));
        }
        if (profile.phone() != null) {
            attributes.put("phone", List.of(profile.phone()));
        }
        if (profile.member() != null) {
            attributes.put("member", List.of(profile.member()));
        }
        if (profile.staff() != null) {
            attributes.put("staff", List.of(profile.staff()));
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
        } catch (DependencyUnavailable e) {
            throw new Unavailable(e.getMessage(), e);
        } catch (RestClientException e) {
            throw new Unavailable("Keycloak could not be reached: " + e.getMessage(), e);
        }
    }
}
