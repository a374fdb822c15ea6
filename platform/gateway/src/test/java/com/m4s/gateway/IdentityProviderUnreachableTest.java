package com.m4s.gateway;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A real token, but the realm's key set (JWKS) cannot be fetched: 503, not 401 (the token may well be fine). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class IdentityProviderUnreachableTest {

    static final EchoServer DOWNSTREAM = EchoServer.start();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestKeycloak::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + EchoServer.unusedPort() + "/realms/m4s/protocol/openid-connect/certs");
        registry.add("M4S_STORE_CONSOLE_URL", DOWNSTREAM::url);
    }

    @AfterAll
    static void stopDownstream() {
        DOWNSTREAM.close();
    }

    @Test
    void aTokenThatCannotBeCheckedIs503ProblemAndIsNotRelayed() {
        String token = TestKeycloak.token("operator");

        web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/api/stores/x/members").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://m4s.dev/problems/service-unavailable")
                .jsonPath("$.service").isEqualTo("identity-provider");

        assertThat(DOWNSTREAM.requests()).isZero();
    }
}
