package com.m4s.platform.test;

import com.m4s.platform.servers.LocalKeycloak;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One real Keycloak per test JVM with the platform's realm ({@code infra/keycloak/m4s-realm.json}) and its sign-in
 * theme ({@code infra/keycloak/themes}), started on first use and stopped when the JVM exits. The unzipped
 * distribution is kept in {@code <java.io.tmpdir>/m4s-test-keycloak-dist} and shared by later runs (and other test
 * JVMs) on this machine; the server's data is new for every JVM.
 *
 * <p>The realm file is found from {@code -Dm4s.home} (the project root), else by walking up from the working
 * directory. The local Maven repository holding the distribution zip is {@code -Dm4s.maven.repository}, else
 * {@code ~/.m2/repository}.
 *
 * <p>Demo users (password {@code demo1234}): {@code operator}, {@code exec.huanan}, {@code manager.gz_tianhe},
 * {@code manager.sz_futian}, {@code staff.gz_tianhe} (owners sign up; tests make theirs with {@link TestUsers}).
 */
public final class TestKeycloak {

    public static final String REALM = "m4s";
    /** Password of every demo user in the realm file. */
    public static final String DEMO_PASSWORD = "demo1234";
    /** The public client with the password grant (tests, benchmarks, demo scripts only). */
    public static final String CLI_CLIENT = "m4s-cli";
    public static final String TENANT_ADMIN_CLIENT = "m4s-tenant-admin";
    public static final String STORE_CONSOLE_CLIENT = "m4s-store-console";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String TENANT_ADMIN_SECRET = LocalKeycloak.randomSecret();
    private static final String STORE_CONSOLE_SECRET = LocalKeycloak.randomSecret();
    private static LocalKeycloak server;
    private static RuntimeException failure;

    private TestKeycloak() {
    }

    /** The running server, started on first call. */
    public static synchronized LocalKeycloak server() {
        if (failure != null) {
            throw new IllegalStateException("Keycloak failed to start earlier in this JVM", failure);
        }
        if (server == null) {
            try {
                server = start();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return server;
    }

    /**
     * Points a Spring Boot test at the shared Keycloak: the resource server's issuer and JWKS, and
     * {@code m4s.keycloak.*} (url, realm, tenant-admin-secret, store-console-secret).
     */
    public static void register(DynamicPropertyRegistry registry) {
        LocalKeycloak keycloak = server();
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", keycloak::jwksUri);
        registry.add("m4s.keycloak.url", keycloak::baseUrl);
        registry.add("m4s.keycloak.realm", () -> REALM);
        registry.add("m4s.keycloak.tenant-admin-secret", () -> TENANT_ADMIN_SECRET);
        registry.add("m4s.keycloak.store-console-secret", () -> STORE_CONSOLE_SECRET);
    }

    /** {@code http://localhost:<port>/realms/m4s}: the {@code iss} of every token. */
    public static String issuer() {
        return server().issuer();
    }

    /** The realm's JWKS on {@code 127.0.0.1}. */
    public static String jwksUri() {
        return server().jwksUri();
    }

    /** {@code http://127.0.0.1:<port>}: for the Admin API and token requests. */
    public static String baseUrl() {
        return server().baseUrl();
    }

    public static String tokenEndpoint() {
        return server().tokenEndpoint();
    }

    /** The secret the realm gave client {@code m4s-tenant-admin} in this JVM. */
    public static String tenantAdminSecret() {
        server();
        return TENANT_ADMIN_SECRET;
    }

    /** The secret the realm gave client {@code m4s-store-console} in this JVM. */
    public static String storeConsoleSecret() {
        server();
        return STORE_CONSOLE_SECRET;
    }

    /** An access token for a user (password grant through {@code m4s-cli}); fails unless Keycloak answers 200. */
    public static String passwordToken(String username, String password) {
        return accessToken(Map.of("grant_type", "password", "client_id", CLI_CLIENT, "username", username,
                "password", password));
    }

    /** An access token for a demo user (password {@value #DEMO_PASSWORD}). */
    public static String token(String demoUsername) {
        return passwordToken(demoUsername, DEMO_PASSWORD);
    }

    /** An access token for a confidential client (client credentials grant). */
    public static String clientToken(String clientId, String secret) {
        return accessToken(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** The raw token endpoint response, for tests of refusals (a wrong password is 400 {@code invalid_grant}). */
    public static HttpResponse<String> tokenResponse(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The payload of a JWT, decoded (no signature check). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT");
        }
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    /** {@code infra/keycloak/m4s-realm.json} of this checkout. */
    public static Path realmFile() {
        String home = System.getProperty("m4s.home");
        Path start = (home != null && !home.isBlank() ? Path.of(home) : Path.of("")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("infra/keycloak/m4s-realm.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("infra/keycloak/m4s-realm.json not found in " + start
                + " or above; pass -Dm4s.home=<project root>");
    }

    /** {@code infra/keycloak/themes} of this checkout: the realm's sign-in pages ({@code loginTheme} m4s). */
    public static Path themes() {
        return realmFile().resolveSibling("themes");
    }

    private static String accessToken(Map<String, String> form) {
        HttpResponse<String> response = tokenResponse(new LinkedHashMap<>(form));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request for " + form.getOrDefault("username", form.get("client_id"))
                    + " failed with " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private static LocalKeycloak start() {
        try {
            Path dist = Path.of(System.getProperty("java.io.tmpdir"), "m4s-test-keycloak-dist");
            Path data = Files.createTempDirectory("m4s-test-keycloak-");
            LocalKeycloak keycloak;
            try {
                keycloak = LocalKeycloak.builder(dist)
                        .dataDirectory(data)
                        .realmFile(realmFile())
                        .themes(themes())
                        .environment("M4S_TENANT_ADMIN_CLIENT_SECRET", TENANT_ADMIN_SECRET)
                        .environment("M4S_STORE_CONSOLE_CLIENT_SECRET", STORE_CONSOLE_SECRET)
                        // a loaded build machine may need longer: -Dm4s.test.keycloak-start-timeout=PT15M
                        .startTimeout(java.time.Duration.parse(
                                System.getProperty("m4s.test.keycloak-start-timeout", "PT5M")))
                        .start();
            } catch (RuntimeException e) {
                deleteTree(data);
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                keycloak.close();
                    deleteTree(data);
            }, "m4s-test-keycloak-stop"));
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at shutdown
        }
    }
}
