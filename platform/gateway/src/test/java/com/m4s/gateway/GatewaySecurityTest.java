package com.m4s.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.gateway.ratelimit.StoreRateLimitFilter;
import com.m4s.platform.test.TestKeycloak;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway against a real Keycloak (realm m4s) and a stand-in downstream service: store-console's route goes to
 * an {@link EchoServer}, tenant-admin's to a port nothing listens on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewaySecurityTest {

    static final EchoServer DOWNSTREAM = EchoServer.start();
    static final int NOTHING_LISTENS = EchoServer.unusedPort();
    static String operatorToken;

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestKeycloak.register(registry);
        registry.add("M4S_STORE_CONSOLE_URL", DOWNSTREAM::url);
        registry.add("M4S_TENANT_ADMIN_URL", () -> "http://127.0.0.1:" + NOTHING_LISTENS);
    }

    @AfterAll
    static void stopDownstream() {
        DOWNSTREAM.close();
    }

    @BeforeEach
    void slowFirstRequestsAreFine() {
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    static synchronized String operatorToken() {
        if (operatorToken == null) {
            operatorToken = TestKeycloak.token("operator");
        }
        return operatorToken;
    }

    @Test
    void ownerSignUpReachesTheServiceWithoutATokenButNothingElseOfTheStoreDoes() {
        int before = DOWNSTREAM.requests();

        web.post().uri("/api/stores/gz_tianhe/owner-signup/codes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isOk();
        web.post().uri("/api/stores/gz_tianhe/owner-signup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isOk();
        int afterOpen = DOWNSTREAM.requests();
        web.post().uri("/api/stores/gz_tianhe/owner-signupx").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/stores/gz_tianhe/me").exchange().expectStatus().isUnauthorized();

        assertThat(afterOpen).isEqualTo(before + 2);
        assertThat(DOWNSTREAM.requests()).isEqualTo(afterOpen);
    }

    @Test
    void withoutATokenTheApiAnswers401ProblemWithBearerChallengeAndNothingReachesTheService() {
        int before = DOWNSTREAM.requests();

        web.get().uri("/api/stores/x/members").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).startsWith("Bearer"))
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "zh-CN")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://m4s.dev/problems/unauthenticated")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("未登录")
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("请登录", "Authorization: Bearer"))
                .jsonPath("$.instance").isEqualTo("/api/stores/x/members");
        web.get().uri("/api/stores/x/members").header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "en")
                .expectBody()
                .jsonPath("$.title").isEqualTo("Not authenticated")
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("sign in", "Authorization: Bearer"));

        web.get().uri("/api/admin/tenants").exchange().expectStatus().isUnauthorized();
        assertThat(DOWNSTREAM.requests()).isEqualTo(before);
    }

    @Test
    void aGarbageTokenIs401InvalidToken() {
        // not a JWT; not even a well-formed bearer header (refused while reading the header)
        for (String header : new String[] {"Bearer not-a-jwt", "Bearer not a token!", "bearer"}) {
            web.get().uri("/api/stores/x/members").header(HttpHeaders.AUTHORIZATION, header)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
                            v -> assertThat(v).startsWith("Bearer").contains("error=\"invalid_token\""))
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://m4s.dev/problems/unauthenticated")
                    .jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("refused"));
        }
    }

    @Test
    void aTokenWithAnAlteredSignatureIs401() {
        String token = operatorToken();
        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        String tampered = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        assertThat(tampered).isNotEqualTo(token);
        int before = DOWNSTREAM.requests();

        web.get().uri("/api/stores/x/members").headers(h -> h.setBearerAuth(tampered)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).contains("invalid_token"))
                .expectBody().jsonPath("$.type").isEqualTo("https://m4s.dev/problems/unauthenticated");

        assertThat(DOWNSTREAM.requests()).isEqualTo(before);
    }

    @Test
    void aTokenWithAnAlteredPayloadIs401() {
        String token = operatorToken();
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"operator\"", "\"operatoR\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(tampered).isNotEqualTo(token);

        web.get().uri("/api/stores/x/members").headers(h -> h.setBearerAuth(tampered)).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aValidTokenIsRelayedUnchangedToTheService() {
        String token = operatorToken();

        web.get().uri("/api/stores/x/members?page=1").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().value(StoreRateLimitFilter.REMAINING_HEADER, v -> assertThat(v).matches("\\d+"))
                .expectBody()
                .jsonPath("$.authorization").isEqualTo("Bearer " + token)
                .jsonPath("$.authorizationCount").isEqualTo(1)
                .jsonPath("$.path").isEqualTo("/api/stores/x/members");
    }

    @Test
    void aStoreManagersTokenPassesTooAndWritesAreRelayed() {
        String token = TestKeycloak.token("manager.gz_tianhe");

        web.post().uri("/api/stores/gz_tianhe/members").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"x\"}").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.method").isEqualTo("POST")
                .jsonPath("$.authorization").isEqualTo("Bearer " + token);
    }

    @Test
    void theWebUiIsOpen() {
        String root = web.get().uri("/").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String console = web.get().uri("/console/members").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(root).contains("<div id=\"root\">");
        assertThat(console).isEqualTo(root);
        web.get().uri("/favicon.svg").exchange().expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, v -> assertThat(String.valueOf(v)).doesNotContain("no-store"));
        web.get().uri("/group/regions").exchange().expectStatus().isOk();
    }

    @Test
    void openApiDocumentsAndHealthAreOpen() {
        web.get().uri("/openapi/store-console").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.path").isEqualTo("/v3/api-docs")
                .jsonPath("$.authorizationCount").isEqualTo(0);

        web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void everythingElseIsRefused() {
        web.get().uri("/actuator/info").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://m4s.dev/problems/unauthenticated");
        web.get().uri("/somewhere/else").exchange().expectStatus().isUnauthorized();

        web.get().uri("/actuator/info").headers(h -> h.setBearerAuth(operatorToken()))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).startsWith("Bearer"))
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://m4s.dev/problems/access-denied")
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.title").isEqualTo("Access denied")
                .jsonPath("$.detail").isNotEmpty();
    }

    @Test
    void anUnreachableServiceIs503Problem() {
        web.get().uri("/api/admin/tenants").headers(h -> h.setBearerAuth(operatorToken())).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://m4s.dev/problems/service-unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.service").isEqualTo("tenant-admin")
                .jsonPath("$.detail").isNotEmpty();
    }
}
