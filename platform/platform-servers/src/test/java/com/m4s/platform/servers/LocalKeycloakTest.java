package com.m4s.platform.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A real Keycloak with the platform's realm (infra/keycloak/m4s-realm.json): the claims the services rely on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalKeycloakTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The owner app's sign-up on the realm's default web origin (this test passes no M4S_WEB_ORIGIN). */
    private static final String SIGN_UP = "http://localhost:8080/app/signup";

    @TempDir
    static Path data;

    private LocalKeycloak keycloak;
    private final String tenantAdminSecret = LocalKeycloak.randomSecret();
    private final String storeConsoleSecret = LocalKeycloak.randomSecret();

    @BeforeAll
    void start() {
        keycloak = LocalKeycloak.builder(Path.of(System.getProperty("java.io.tmpdir"), "m4s-test-keycloak-dist"))
                .dataDirectory(data.resolve("keycloak"))
                .realmFile(realmFile())
                .themes(realmFile().resolveSibling("themes"))
                .environment("M4S_TENANT_ADMIN_CLIENT_SECRET", tenantAdminSecret)
                .environment("M4S_STORE_CONSOLE_CLIENT_SECRET", storeConsoleSecret)
                .start();
    }

    @AfterAll
    void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void aStoreManagersTokenCarriesIssuerRolesAndTenancy() {
        JsonNode claims = claims(passwordGrant(keycloak.baseUrl(), "manager.gz_tianhe", "demo1234"));

        assertThat(claims.path("iss").asString()).isEqualTo(keycloak.issuer())
                .isEqualTo("http://localhost:" + keycloak.port() + "/realms/m4s");
        assertThat(claims.path("realm_access").path("roles").valueStream().map(JsonNode::asString))
                .contains("store-manager");
        assertThat(claims.path("m4s_stores").isArray()).isTrue();
        assertThat(claims.path("m4s_stores")).isEqualTo(JSON.readTree("[\"gz_tianhe\"]"));
        assertThat(claims.path("m4s_group").asString()).isEqualTo("huanan");
        assertThat(claims.has("m4s_department")).isFalse();
        assertThat(claims.path("sub").asString()).isNotBlank();
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(300);
    }

    @Test
    void theIssuerIsTheSameWhateverHostNameTheClientUses() {
        JsonNode viaLocalhost = claims(passwordGrant("http://localhost:" + keycloak.port(), "operator", "demo1234"));
        JsonNode viaLoopback = claims(passwordGrant(keycloak.baseUrl(), "operator", "demo1234"));

        assertThat(viaLocalhost.path("iss").asString()).isEqualTo(keycloak.issuer());
        assertThat(viaLoopback.path("iss").asString()).isEqualTo(keycloak.issuer());
        JsonNode discovery = JSON.readTree(get(keycloak.baseUrl() + "/realms/m4s/.well-known/openid-configuration",
                null).body());
        assertThat(discovery.path("issuer").asString()).isEqualTo(keycloak.issuer());
        assertThat(discovery.path("jwks_uri").asString()).isEqualTo(keycloak.jwksUri());
        assertThat(get(keycloak.jwksUri(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void staffCarryTheirDepartment() {
        JsonNode claims = claims(passwordGrant(keycloak.baseUrl(), "staff.gz_tianhe", "demo1234"));

        assertThat(claims.path("m4s_department").asString()).isEqualTo("service");
        assertThat(claims.path("m4s_stores")).isEqualTo(JSON.readTree("[\"gz_tianhe\"]"));
        assertThat(claims.path("realm_access").path("roles").valueStream().map(JsonNode::asString))
                .contains("store-staff");
    }

    @Test
    void storeConsolesServiceAccountUsesTheAdminApi() {
        String token = clientCredentials("m4s-store-console", storeConsoleSecret);
        JsonNode claims = claims(token);
        HttpResponse<String> users = get(keycloak.baseUrl() + "/admin/realms/m4s/users?username=operator", token);

        assertThat(claims.path("realm_access").path("roles").valueStream().map(JsonNode::asString))
                .contains("service");
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(users.body()).size()).isEqualTo(1);
    }

    @Test
    void storeConsoleCanCreateAUserWithTenancyAttributesThatShowInTheirToken() throws Exception {
        String token = clientCredentials("m4s-store-console", storeConsoleSecret);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", "invited.gz_tianhe");
        user.put("enabled", true);
        user.put("firstName", "新");
        user.put("lastName", "员工");
        user.put("attributes", Map.of("dealer_group", List.of("huanan"), "stores", List.of("gz_tianhe", "sz_futian"),
                "department", List.of("sales")));
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl()
                + "/admin/realms/m4s/users")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> password = send(HttpRequest.newBuilder(URI.create(location + "/reset-password"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"password\",\"value\":\"invited-1234\",\"temporary\":false}")));
        assertThat(password.statusCode()).as(password.body()).isEqualTo(204);

        JsonNode claims = claims(passwordGrant(keycloak.baseUrl(), "invited.gz_tianhe", "invited-1234"));

        assertThat(claims.path("m4s_stores")).isEqualTo(JSON.readTree("[\"gz_tianhe\",\"sz_futian\"]"));
        assertThat(claims.path("m4s_group").asString()).isEqualTo("huanan");
        assertThat(claims.path("m4s_department").asString()).isEqualTo("sales");
    }

    @Test
    void tenantAdminGetsAServiceToken() {
        JsonNode claims = claims(clientCredentials("m4s-tenant-admin", tenantAdminSecret));

        assertThat(claims.path("azp").asString()).isEqualTo("m4s-tenant-admin");
        assertThat(claims.path("realm_access").path("roles").valueStream().map(JsonNode::asString))
                .contains("service");
    }

    @Test
    void aWrongPasswordOrSecretIsRefused() {
        // Keycloak 26 answers a wrong user password with 400 invalid_grant (RFC 6749 5.2), not 401.
        HttpResponse<String> wrongPassword = tokenRequest(keycloak.baseUrl(), Map.of("grant_type", "password",
                "client_id", "m4s-cli", "username", "exec.huanan", "password", "not-the-password"));
        HttpResponse<String> wrongSecret = tokenRequest(keycloak.baseUrl(), Map.of("grant_type",
                "client_credentials", "client_id", "m4s-store-console", "client_secret", "not-the-secret"));

        assertThat(wrongPassword.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrongPassword.body()).path("error").asString()).isEqualTo("invalid_grant");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrongSecret.body()).path("error").asString()).isEqualTo("unauthorized_client");
    }

    @Test
    void theWebClientCannotUseThePasswordGrant() {
        HttpResponse<String> refused = tokenRequest(keycloak.baseUrl(), Map.of("grant_type", "password",
                "client_id", "m4s-web", "username", "operator", "password", "demo1234"));

        assertThat(refused.statusCode()).isIn(400, 401);
        assertThat(JSON.readTree(refused.body()).path("error").asString()).isEqualTo("unauthorized_client");
    }

    @Test
    void theWebClientMustUsePkceWithS256() {
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String authorize = "http://localhost:" + keycloak.port() + "/realms/m4s/protocol/openid-connect/auth"
                + "?client_id=m4s-web&response_type=code&scope=openid&state=s1"
                + "&redirect_uri=" + URLEncoder.encode("http://localhost:8080/callback", StandardCharsets.UTF_8);
        String challenge = "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGjSstw-cM&code_challenge_method=";

        HttpResponse<String> withoutPkce = send(noRedirects, HttpRequest.newBuilder(URI.create(authorize)));
        HttpResponse<String> withPlain = send(noRedirects, HttpRequest.newBuilder(URI.create(authorize + challenge
                + "plain")));
        HttpResponse<String> withS256 = send(noRedirects, HttpRequest.newBuilder(URI.create(authorize + challenge
                + "S256")));

        assertThat(withoutPkce.headers().firstValue("Location").orElse(""))
                .startsWith("http://localhost:8080/callback").contains("error=invalid_request");
        assertThat(withPlain.headers().firstValue("Location").orElse(""))
                .startsWith("http://localhost:8080/callback").contains("error=invalid_request");
        assertThat(withS256.statusCode()).isEqualTo(200);
        assertThat(withS256.body()).contains("kc-form-login");
    }

    @Test
    void theSignInPageIsChineseByDefaultWithTheWayToOwnerSignUp() {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(signInPage(""))));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html class=\"login-pf\" lang=\"zh-CN\"")
                .contains("<title>登录 · M4S 汽车经销商集团平台</title>")
                .contains("M4S 汽车经销商集团平台")
                .contains("账号登录")
                .contains("手机号或用户名")
                .contains("密码")
                .containsPattern("id=\"kc-login\"[^>]*>\\s*登录\\s*</button>")
                // the fields the browser suite fills stay Keycloak's
                .contains("id=\"username\"", "id=\"password\"", "id=\"kc-form-login\"")
                .contains("还不是车主用户？")
                .contains("<a id=\"m4s-owner-signup-link\" href=\"" + SIGN_UP + "\">立即注册</a>")
                // the language switch offers English
                .contains("id=\"login-select-toggle\"", "English")
                .doesNotContain("Sign in to your account", "Username or email");
    }

    @Test
    void theSignInPageIsEnglishWhenTheAppOrTheBrowserAsksForIt() {
        HttpResponse<String> asked = send(HttpRequest.newBuilder(URI.create(signInPage("&ui_locales=en"))));
        HttpResponse<String> browser = send(HttpRequest.newBuilder(URI.create(signInPage("")))
                .header("Accept-Language", "en-US,en;q=0.9"));

        for (HttpResponse<String> page : List.of(asked, browser)) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains("lang=\"en\"")
                    .contains("<title>Sign in · M4S Dealer Group Platform</title>")
                    .contains("Sign in to your account")
                    .contains("Phone number or username")
                    .containsPattern("id=\"kc-login\"[^>]*>\\s*Sign in\\s*</button>")
                    .contains("Not signed up as a car owner yet?")
                    .contains("<a id=\"m4s-owner-signup-link\" href=\"" + SIGN_UP + "\">Sign up now</a>")
                    .doesNotContain("账号登录");
        }
    }

    @Test
    void aWrongPasswordIsToldInChineseAndTheThemesStylesheetIsServed() {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(signInPage(""))));
        // the sign-in's cookies, sent back as a browser does on localhost (they are Secure, which
        // java.net.CookieManager keeps to https)
        String cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        Matcher action = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
        assertThat(action.find()).as(page.body()).isTrue();
        Matcher stylesheet = Pattern.compile("href=\"([^\"]+/css/m4s\\.css)\"").matcher(page.body());
        assertThat(stylesheet.find()).as(page.body()).isTrue();

        // a user that does not exist: no brute-force lock on any demo user
        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(action.group(1)
                .replace("&amp;", "&"))).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString("username=nobody.here&password=not-the-password")));
        HttpResponse<String> css = send(HttpRequest.newBuilder(URI.create("http://localhost:" + keycloak.port()
                + stylesheet.group(1))));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        assertThat(refused.body()).contains("用户名或密码不正确。").contains("lang=\"zh-CN\"");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains("#1f3a5f");
    }

    @Test
    void anOwnerSignsInOnTheSignInPageWithTheirPhoneNumber() {
        String id = createLogin("owner.13900000001", "13900000001", "Phone-1234");

        HttpResponse<String> byPhone = signIn("13900000001", "Phone-1234", "");
        HttpResponse<String> byUsername = signIn("owner.13900000001", "Phone-1234", "");

        for (HttpResponse<String> signedIn : List.of(byPhone, byUsername)) {
            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElse(""))
                    .startsWith("http://localhost:8080/app/callback?")
                    .contains("state=s2")
                    .containsPattern("[?&]code=[^&]+");
        }
        assertThat(failures(id)).isZero();
    }

    @Test
    void aWrongPasswordWithAPhoneNumberIsRefusedAndCountsAgainstThatLogin() {
        String id = createLogin("owner.13900000003", "13900000003", "Phone-1234");

        HttpResponse<String> refused = signIn("13900000003", "not-the-password", "");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        assertThat(refused.body()).contains("手机号/用户名或密码不正确。").contains("id=\"kc-form-login\"");
        // brute-force protection counted the failure against the login the phone number found
        assertThat(failures(id)).isEqualTo(1);
    }

    @Test
    void aPhoneNumberOnSeveralLoginsIsToldToUseTheUsername() {
        createLogin("owner.13900000002", "13900000002", "Phone-1234");
        createLogin("owner.13900000002.sz_futian", "13900000002", "Phone-1234");

        HttpResponse<String> chinese = signIn("13900000002", "Phone-1234", "");
        HttpResponse<String> english = signIn("13900000002", "Phone-1234", "&ui_locales=en");
        HttpResponse<String> byUsername = signIn("owner.13900000002.sz_futian", "Phone-1234", "");

        assertThat(chinese.statusCode()).as(chinese.body()).isEqualTo(200);
        assertThat(chinese.body()).contains("该手机号绑定了多个账号，请使用用户名登录");
        assertThat(english.statusCode()).as(english.body()).isEqualTo(200);
        assertThat(english.body())
                .contains("This phone number belongs to several accounts; please sign in with your username.");
        assertThat(byUsername.statusCode()).as(byUsername.body()).isEqualTo(302);
        assertThat(byUsername.headers().firstValue("Location").orElse("")).containsPattern("[?&]code=[^&]+");
    }

    @Test
    void theSignInTextsAreInBothLanguagesAndTheChineseAreChinese() throws IOException {
        Path messages = realmFile().resolveSibling("themes/m4s/login/messages");
        Properties zh = bundle(messages.resolve("messages_zh_CN.properties"));
        Properties en = bundle(messages.resolve("messages_en.properties"));

        assertThat(zh.stringPropertyNames()).isNotEmpty().isEqualTo(en.stringPropertyNames());
        for (String key : zh.stringPropertyNames()) {
            assertThat(en.getProperty(key)).as(key).isNotBlank();
            if (!key.startsWith("locale_")) { // a language's name is written in that language
                assertThat(zh.getProperty(key)).as(key).containsPattern("\\p{IsHan}");
            }
        }
    }

    @Test
    void aThemesFolderThatDoesNotExistIsRefusedBeforeStarting() {
        assertThatThrownBy(() -> LocalKeycloak.builder(data.resolve("unused")).themes(data.resolve("no-themes"))
                .start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-themes");
    }

    @Test
    void aRealmFileWhosePlaceholdersAreNotSetIsRefusedBeforeStarting() {
        assumeTrue(System.getenv("M4S_TENANT_ADMIN_CLIENT_SECRET") == null, "secret set in this environment");
        assertThatThrownBy(() -> LocalKeycloak.builder(data.resolve("unused")).realmFile(realmFile()).start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("M4S_TENANT_ADMIN_CLIENT_SECRET")
                .hasMessageContaining("M4S_STORE_CONSOLE_CLIENT_SECRET");
    }

    /**
     * The realm's sign-in page as the web UI opens it: client m4s-web, code flow with PKCE, back to the default web
     * origin (the test passes no M4S_WEB_ORIGIN).
     */
    private String signInPage(String extra) {
        return "http://localhost:" + keycloak.port() + "/realms/m4s/protocol/openid-connect/auth"
                + "?client_id=m4s-web&response_type=code&scope=openid&state=s2"
                + "&redirect_uri=" + URLEncoder.encode("http://localhost:8080/app/callback", StandardCharsets.UTF_8)
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGjSstw-cM&code_challenge_method=S256" + extra;
    }

    /**
     * Signs in through the realm's browser flow as the sign-in page's form does: the page (its cookies and the form's
     * action), then the form posted back. A sign-in that passes answers 302 to the app with a code; one that fails
     * shows the page again (200).
     */
    private HttpResponse<String> signIn(String username, String password, String extra) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(signInPage(extra))));
        assertThat(page.statusCode()).isEqualTo(200);
        String cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        Matcher action = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
        assertThat(action.find()).as(page.body()).isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        return send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A login with a phone number, made as the store console makes an owner's; returns its id. */
    private String createLogin(String username, String phone, String password) {
        String token = clientCredentials("m4s-store-console", storeConsoleSecret);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("firstName", "车主");
        user.put("attributes", Map.of("phone", List.of(phone), "stores", List.of("gz_tianhe")));
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl()
                + "/admin/realms/m4s/users")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Failed sign-ins brute-force protection has counted for the login. */
    private int failures(String id) {
        String token = clientCredentials("m4s-store-console", storeConsoleSecret);
        HttpResponse<String> status = get(keycloak.baseUrl() + "/admin/realms/m4s/attack-detection/brute-force/users/"
                + id, token);
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        return JSON.readTree(status.body()).path("numFailures").asInt();
    }

    private String passwordGrant(String base, String username, String password) {
        HttpResponse<String> response = tokenRequest(base, Map.of("grant_type", "password", "client_id", "m4s-cli",
                "username", username, "password", password));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private String clientCredentials(String clientId, String secret) {
        HttpResponse<String> response = tokenRequest(keycloak.baseUrl(), Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private static HttpResponse<String> tokenRequest(String base, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + "/realms/m4s/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(HTTP, request);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Properties bundle(Path file) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** The payload of a JWT, decoded. */
    private static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static Path realmFile() {
        String home = System.getProperty("m4s.home");
        Path start = home != null ? Path.of(home) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("infra/keycloak/m4s-realm.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("infra/keycloak/m4s-realm.json not found from " + start);
    }
}
