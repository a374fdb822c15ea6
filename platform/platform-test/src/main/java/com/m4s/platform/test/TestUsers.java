package com.m4s.platform.test;

import com.m4s.platform.security.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Users made in the test Keycloak through its Admin API, with the roles and {@code m4s_*} attributes a test needs.
 * Every user (and every demo user) has password {@link #PASSWORD}.
 */
public final class TestUsers {

    public static final String PASSWORD = TestKeycloak.DEMO_PASSWORD;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> CREATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private TestUsers() {
    }

    /** A store manager of the given stores. */
    public static String manager(String group, String... stores) {
        return ensure("mgr." + String.join(".", stores), Role.STORE_MANAGER, group, List.of(stores), null);
    }

    /** Store staff of a department in the given store. */
    public static String staff(String group, String store, String department) {
        return ensure("staff." + store + "." + department, Role.STORE_STAFF, group, List.of(store), department);
    }

    /** A group executive of a dealer group. */
    public static String executive(String group) {
        return ensure("exec." + group, Role.GROUP_EXECUTIVE, group, List.of(), null);
    }

    /** An owner known in the given stores. */
    public static String owner(String name, String... stores) {
        return ensure("owner." + name, Role.OWNER, null, List.of(stores), null);
    }

    /** Creates the user unless this JVM already did; returns the username. */
    public static synchronized String ensure(String username, Role role, @Nullable String group, List<String> stores,
            @Nullable String department) {
        if (CREATED.contains(username)) {
            return username;
        }
        String admin = adminToken();
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        if (group != null) {
            attributes.put("dealer_group", List.of(group));
        }
        if (!stores.isEmpty()) {
            attributes.put("stores", new ArrayList<>(stores));
        }
        if (department != null) {
            attributes.put("department", List.of(department));
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("emailVerified", true);
        user.put("email", username.replaceAll("[^a-zA-Z0-9]", "-") + "@test.m4s.dev");
        user.put("firstName", username);
        user.put("lastName", "Test");
        user.put("attributes", attributes);
        user.put("credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        HttpResponse<String> created = send(admin, "POST", "/users", JSON.writeValueAsString(user));
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("could not create " + username + ": " + created.body());
        }
        String id = JSON.readTree(send(admin, "GET", "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null).body()).get(0).path("id").asString();
        JsonNode realmRole = JSON.readTree(send(admin, "GET", "/roles/" + role.realmRole(), null).body());
        send(admin, "POST", "/users/" + id + "/role-mappings/realm", "[" + JSON.writeValueAsString(realmRole) + "]");
        CREATED.add(username);
        return username;
    }

    /**
     * A token for a user from a public client whose access tokens live one second, made for this on first use:
     * for tests of expired tokens.
     */
    public static synchronized String shortLivedToken(String username) {
        String client = "m4s-short-lived-test";
        if (CREATED.add("client:" + client)) {
            Map<String, Object> representation = Map.of("clientId", client, "publicClient", true,
                    "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                    "attributes", Map.of("access.token.lifespan", "1"));
            HttpResponse<String> created = send(adminToken(), "POST", "/clients",
                    JSON.writeValueAsString(representation));
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new IllegalStateException("could not create client " + client + ": " + created.body());
            }
        }
        String form = "grant_type=password&client_id=" + client + "&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestKeycloak.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return JSON.readTree(exchange(request).body()).path("access_token").asString();
    }

    /** A user as Keycloak has it, with {@code realmRoles} added (names); missing node when there is no such user. */
    public static JsonNode describe(String username) {
        String admin = adminToken();
        JsonNode users = JSON.readTree(send(admin, "GET", "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null).body());
        if (users.isEmpty()) {
            return JSON.missingNode();
        }
        var user = (tools.jackson.databind.node.ObjectNode) users.get(0);
        var roles = user.putArray("realmRoles");
        JSON.readTree(send(admin, "GET", "/users/" + user.path("id").asString() + "/role-mappings/realm", null).body())
                .forEach(r -> roles.add(r.path("name").asString()));
        return user;
    }

    /** An access token of the master realm's admin: valid, but from another realm. */
    public static String otherRealmToken() {
        return adminToken();
    }

    private static String adminToken() {
        var keycloak = TestKeycloak.server();
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(keycloak.adminUsername(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(keycloak.adminPassword(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.baseUrl()
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return JSON.readTree(exchange(request).body()).path("access_token").asString();
    }

    private static HttpResponse<String> send(String token, String method, String path, @Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestKeycloak.baseUrl() + "/admin/realms/"
                        + TestKeycloak.REALM + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(request.build());
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
