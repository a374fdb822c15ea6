package com.m4s.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.test.SilentServer;
import com.m4s.platform.test.TestKeycloak;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Dependencies that accept the connection and then never answer: the realm's key set (JWKS) and the service behind a
 * route. The gateway answers within its timeouts (here 1 s each, 2 s and 60 s in the stack) with a problem, instead
 * of holding the caller for as long as the dependency hangs (issue 13, "fail fast").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class HungDependenciesTest {

    static final SilentServer KEYCLOAK = SilentServer.start();
    static final SilentServer STORE_CONSOLE = SilentServer.start();
    static final Duration WITHIN = Duration.ofSeconds(3);

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestKeycloak::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> KEYCLOAK.url() + "/realms/m4s/protocol/openid-connect/certs");
        registry.add("M4S_STORE_CONSOLE_URL", STORE_CONSOLE::url);
        registry.add("m4s.gateway.identity-provider-timeout", () -> "1s");
        registry.add("M4S_GATEWAY_RESPONSE_TIMEOUT", () -> "1s");
    }

    @AfterAll
    static void stopServers() {
        KEYCLOAK.close();
        STORE_CONSOLE.close();
    }

    @Test
    void aTokenWhoseKeysHangIsAnswered503WithinSeconds() {
        String token = TestKeycloak.token("operator");
        int connectionsBefore = STORE_CONSOLE.connections();

        long start = System.nanoTime();
        web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/api/stores/x/members").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://m4s.dev/problems/service-unavailable")
                .jsonPath("$.service").isEqualTo("identity-provider");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("answered while the key set still hangs").isLessThan(WITHIN);
        assertThat(KEYCLOAK.connections()).as("the key set was asked for").isPositive();
        assertThat(STORE_CONSOLE.connections()).as("nothing relayed").isEqualTo(connectionsBefore);
    }

    @Test
    void aServiceThatHangsIsAnswered504ProblemInTheCallersLanguage() {
        long start = System.nanoTime();
        web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/api/stores").exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://m4s.dev/problems/service-timeout")
                .jsonPath("$.title").isEqualTo("服务响应超时")
                .jsonPath("$.detail").isEqualTo("store-console 服务未能及时响应，请稍后重试。")
                .jsonPath("$.service").isEqualTo("store-console");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isLessThan(WITHIN);
        assertThat(STORE_CONSOLE.connections()).as("the request reached the service").isPositive();

        web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/api/stores").header("Accept-Language", "en").exchange()
                .expectStatus().isEqualTo(504)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("The store-console service did not answer in time; try again in a"
                        + " moment.");
    }
}
