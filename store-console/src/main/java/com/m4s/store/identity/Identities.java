package com.m4s.store.identity;

import com.m4s.platform.http.DependencyUnavailable;
import com.m4s.platform.http.OutboundHttp;
import com.m4s.platform.http.OutboundHttpProperties;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
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

    /**
     * A login that works in a store, as Keycloak has it: its realm roles and profile attributes.
     *
     * @param displayName the person's name as Keycloak holds it (family name first when it is Chinese)
     * @param createdAt when Keycloak made the login
     * @param staff the staff record whose invitation made the login, if one did
     */
    public record StoreLogin(String id, String username, String displayName, boolean enabled, List<String> realmRoles,
            @Nullable String department, @Nullable String phone, @Nullable String staff, Instant createdAt) {
    }

    /**
     * A client of a system outside the platform, as Keycloak made it.
     *
     * @param id Keycloak's id of the client (not its client id)
     * @param secret the client's secret: shown to the person who made it, never kept here
     */
    public record ServiceClient(String id, String secret) {
    }

    /** The claim naming the generation of a service client's secret ({@link #createServiceClient}). */
    public static final String CREDENTIAL_KEY_CLAIM = "m4s_credential_key";

    /** Listing a store's logins took longer than {@link #LISTING_BUDGET}: the request answers 503 rather than wait. */
    public static class TooSlow extends Unavailable {
        TooSlow() {
            super("Keycloak took longer than " + LISTING_BUDGET.toMillis() + " ms to list the store's logins", null);
        }
    }

    /** The outbound client's name: timeouts and token in {@code m4s.http.clients.keycloak-admin}. */
    static final String CLIENT = "keycloak-admin";
    /**
     * The client that lists a store's logins ({@code m4s.http.clients.keycloak-directory}): a listing is one search
     * and one call per login found, so each call has shorter timeouts than a change does.
     */
    static final String DIRECTORY_CLIENT = "keycloak-directory";
    /** A listing of a store's logins answers within this, or fails (decision 0020: 503 within 3 s). */
    public static final Duration LISTING_BUDGET = Duration.ofSeconds(3);
    private static final int SEARCH_PAGE = 100;

    private final RestClient admin;
    private final RestClient directory;
    /** How long one call of the directory client may take at most: connect and read timeouts. */
    private final Duration directoryCall;

    public Identities(OutboundHttp http, KeycloakAdminProperties keycloak, OutboundHttpProperties settings) {
        String realm = keycloak.url() + "/admin/realms/" + keycloak.realm();
        this.admin = http.client(CLIENT, realm);
        this.directory = http.client(DIRECTORY_CLIENT, realm);
        OutboundHttpProperties.Client client = settings.client(DIRECTORY_CLIENT);
        this.directoryCall = client.connectTimeout().plus(client.readTimeout());
    }

    /**
     * Every login with a staff role in the store: the logins whose {@code stores} attribute names it (one search,
     * exact on the value) that are not an owner's (an owner's login names its member record), each with its realm
     * roles; the caller keeps those whose roles it cares about. A call starts only while the whole listing can still
     * finish within {@link #LISTING_BUDGET}; else {@link TooSlow}.
     *
     * @param roles the realm roles of interest: logins holding none of them are left out
     */
    public List<StoreLogin> storeLogins(String store, java.util.Collection<String> roles) {
        long started = System.nanoTime();
        List<JsonNode> candidates = new ArrayList<>();
        for (int first = 0; ; first += SEARCH_PAGE) {
            int from = first;
            JsonNode page = withinBudget(started, () -> directory.get()
                    .uri("/users?q={q}&briefRepresentation=false&first={first}&max={max}", "stores:" + store, from,
                            SEARCH_PAGE)
                    .retrieve().body(JsonNode.class));
            if (page == null || page.isEmpty()) {
                break;
            }
            page.forEach(user -> {
                if (user.path("attributes").path("member").isMissingNode()) {
                    candidates.add(user);
                }
            });
            if (page.size() < SEARCH_PAGE) {
                break;
            }
        }
        List<StoreLogin> logins = new ArrayList<>();
        for (JsonNode user : candidates) {
            String id = user.path("id").asString();
            JsonNode assigned = withinBudget(started, () -> directory.get()
                    .uri("/users/{id}/role-mappings/realm/composite", id).retrieve().body(JsonNode.class));
            List<String> names = new ArrayList<>();
            if (assigned != null) {
                assigned.forEach(r -> names.add(r.path("name").asString()));
            }
            if (names.stream().noneMatch(roles::contains)) {
                continue;
            }
            JsonNode attributes = user.path("attributes");
            logins.add(new StoreLogin(id, user.path("username").asString(), displayName(user),
                    user.path("enabled").asBoolean(true), List.copyOf(names), first(attributes, "department"),
                    first(attributes, "phone"), first(attributes, "staff"),
                    Instant.ofEpochMilli(user.path("createdTimestamp").asLong(0))));
        }
        return logins;
    }

    /** 林 + 晓峰 is 林晓峰; Jane + Doe is Jane Doe; a login with neither is named by its username. */
    static String displayName(JsonNode user) {
        String given = user.path("firstName").asString("").strip();
        String family = user.path("lastName").asString("").strip();
        if (given.isEmpty() && family.isEmpty()) {
            return user.path("username").asString();
        }
        boolean chinese = (given + family).codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return chinese ? family + given : (given + " " + family).strip();
    }

    private static @Nullable String first(JsonNode attributes, String name) {
        JsonNode value = attributes.path(name).path(0);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private <T> T withinBudget(long started, java.util.function.Supplier<T> request) {
        Duration spent = Duration.ofNanos(System.nanoTime() - started);
        if (spent.plus(directoryCall).compareTo(LISTING_BUDGET) > 0) {
            throw new TooSlow();
        }
        return call(request);
    }

    /**
     * Usernames of the logins whose {@code phone} attribute is this number (exact), at most ten: the sign-in page
     * finds a login by its phone only when there is one.
     */
    public List<String> usernamesWithPhone(String phone) {
        JsonNode users = call(() -> admin.get().uri("/users?q={q}&briefRepresentation=true&max=10", "phone:" + phone)
                .retrieve().body(JsonNode.class));
        List<String> usernames = new ArrayList<>();
        if (users != null) {
            users.forEach(u -> usernames.add(u.path("username").asString()));
        }
        return usernames;
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

    /**
     * A confidential client of a system outside the platform (a store's DMS): client-credentials grant only, its
     * service account holding {@code realmRole} and {@code store} alone in attribute {@code stores}, and a fixed claim
     * {@value #CREDENTIAL_KEY_CLAIM} = {@code key} in its tokens (so that tokens issued before a rotation can be told
     * from later ones). A client of that id left by an earlier attempt that did not finish is replaced.
     *
     * @return the client's secret, which Keycloak keeps and nobody else does
     */
    public ServiceClient createServiceClient(String clientId, String description, String store, String realmRole,
            String key) {
        findClient(clientId).ifPresent(this::deleteClient);
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("name", clientId);
        client.put("description", description);
        client.put("enabled", true);
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("clientAuthenticatorType", "client-secret");
        client.put("serviceAccountsEnabled", true);
        client.put("standardFlowEnabled", false);
        client.put("implicitFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        client.put("frontchannelLogout", false);
        client.put("protocolMappers", List.of(keyMapper(null, key)));
        URI location = call(() -> admin.post().uri("/clients").body(client).retrieve().toBodilessEntity()
                .getHeaders().getLocation());
        if (location == null) {
            throw new Unavailable("Keycloak created client " + clientId + " but did not say where", null);
        }
        String path = location.getPath();
        String id = path.substring(path.lastIndexOf('/') + 1);
        JsonNode account = call(() -> admin.get().uri("/clients/{id}/service-account-user", id).retrieve()
                .body(JsonNode.class));
        String accountId = account.path("id").asString();
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("username", account.path("username").asString());
        update.put("attributes", Map.of("stores", List.of(store)));
        call(() -> admin.put().uri("/users/{id}", accountId).body(update).retrieve().toBodilessEntity());
        grant(accountId, realmRole);
        JsonNode secret = call(() -> admin.get().uri("/clients/{id}/client-secret", id).retrieve()
                .body(JsonNode.class));
        return new ServiceClient(id, secret.path("value").asString());
    }

    /**
     * A new secret for the client (the old one stops working at once) and a new {@value #CREDENTIAL_KEY_CLAIM} in
     * its tokens from now on.
     */
    public ServiceClient rotateServiceClient(String clientId, String key) {
        String id = findClient(clientId).orElseThrow(() -> new Unavailable("Keycloak has no client " + clientId,
                null));
        JsonNode mappers = call(() -> admin.get().uri("/clients/{id}/protocol-mappers/models", id).retrieve()
                .body(JsonNode.class));
        String mapperId = null;
        for (JsonNode mapper : mappers) {
            if (CREDENTIAL_KEY_CLAIM.equals(mapper.path("name").asString())) {
                mapperId = mapper.path("id").asString();
            }
        }
        if (mapperId == null) {
            String none = null;
            call(() -> admin.post().uri("/clients/{id}/protocol-mappers/models", id).body(keyMapper(none, key))
                    .retrieve().toBodilessEntity());
        } else {
            String mapper = mapperId;
            call(() -> admin.put().uri("/clients/{id}/protocol-mappers/models/{mapper}", id, mapper)
                    .body(keyMapper(mapper, key)).retrieve().toBodilessEntity());
        }
        JsonNode secret = call(() -> admin.post().uri("/clients/{id}/client-secret", id).retrieve()
                .body(JsonNode.class));
        return new ServiceClient(id, secret.path("value").asString());
    }

    /** Removes the client: no token can be requested with it any more. A client already gone is fine. */
    public void deleteServiceClient(String clientId) {
        findClient(clientId).ifPresent(this::deleteClient);
    }

    /** The Keycloak id of the client with this client id, if there is one. */
    public Optional<String> findClient(String clientId) {
        JsonNode clients = call(() -> admin.get().uri("/clients?clientId={c}&first=0&max=2", clientId).retrieve()
                .body(JsonNode.class));
        if (clients == null) {
            return Optional.empty();
        }
        for (JsonNode client : clients) {
            if (clientId.equals(client.path("clientId").asString())) {
                return Optional.of(client.path("id").asString());
            }
        }
        return Optional.empty();
    }

    private void deleteClient(String id) {
        try {
            admin.delete().uri("/clients/{id}", id).retrieve().toBodilessEntity();
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

    private static Map<String, Object> keyMapper(@Nullable String id, String key) {
        Map<String, Object> mapper = new LinkedHashMap<>();
        if (id != null) {
            mapper.put("id", id);
        }
        mapper.put("name", CREDENTIAL_KEY_CLAIM);
        mapper.put("protocol", "openid-connect");
        mapper.put("protocolMapper", "oidc-hardcoded-claim-mapper");
        mapper.put("config", Map.of("claim.name", CREDENTIAL_KEY_CLAIM, "claim.value", key, "jsonType.label",
                "String", "access.token.claim", "true", "id.token.claim", "false", "userinfo.token.claim", "false",
                "introspection.token.claim", "true"));
        return mapper;
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
