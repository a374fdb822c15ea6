package com.m4s.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.gateway.ratelimit.StoreRateLimitFilter;
import com.m4s.platform.test.TestKeycloak;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The per-store limit with a small bucket: 5 requests at once, 1 more per second, on a clock the test moves (time
 * passes only when the test says so, however slow the machine).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"m4s.gateway.rate-limit.capacity=5", "m4s.gateway.rate-limit.refill-per-second=1"})
@AutoConfigureWebTestClient
@Import(ManualRateLimitTime.class)
class StoreRateLimitTest {

    static final EchoServer DOWNSTREAM = EchoServer.start();
    static String token;

    @Autowired
    WebTestClient web;

    @Autowired
    ManualRateLimitTime time;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestKeycloak.register(registry);
        registry.add("M4S_STORE_CONSOLE_URL", DOWNSTREAM::url);
        registry.add("M4S_TENANT_ADMIN_URL", DOWNSTREAM::url);
    }

    @AfterAll
    static void stopDownstream() {
        DOWNSTREAM.close();
    }

    @BeforeEach
    void tokenAndWarmUp() {
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        if (token == null) {
            token = TestKeycloak.token("operator");
            // the first token check fetches the realm's JWKS; keep that out of the timed requests below
            get("/api/stores/rl_warm_up/members").expectStatus().isOk();
        }
    }

    @Test
    void aStoreGetsCapacityRequestsThen429WhileOtherStoresStillPass() {
        for (int i = 1; i <= 5; i++) {
            get("/api/stores/rl_a/members").expectStatus().isOk()
                    .expectHeader().valueEquals(StoreRateLimitFilter.REMAINING_HEADER, String.valueOf(5 - i));
        }

        get("/api/stores/rl_a/members").expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://m4s.dev/problems/rate-limited")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.store").isEqualTo("rl_a")
                .jsonPath("$.title").isEqualTo("请求过于频繁")
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("门店“rl_a”的请求额度已用完"));

        get("/api/stores/rl_b/members").expectStatus().isOk()
                .expectHeader().valueEquals(StoreRateLimitFilter.REMAINING_HEADER, "4");

        time.advance(Duration.ofSeconds(1));
        get("/api/stores/rl_a/members").expectStatus().isOk()
                .expectHeader().valueEquals(StoreRateLimitFilter.REMAINING_HEADER, "0");
        get("/api/stores/rl_a/members").expectStatus().isEqualTo(429);
    }

    @Test
    void refusedRequestsDoNotUseUpAStoresTokens() {
        for (int i = 0; i < 7; i++) {
            web.get().uri("/api/stores/rl_c/members").exchange().expectStatus().isUnauthorized();
        }

        get("/api/stores/rl_c/members").expectStatus().isOk()
                .expectHeader().valueEquals(StoreRateLimitFilter.REMAINING_HEADER, "4");
    }

    @Test
    void otherRoutesAreNotLimitedPerStore() {
        for (int i = 0; i < 7; i++) {
            get("/api/admin/tenants").expectStatus().isOk()
                    .expectHeader().doesNotExist(StoreRateLimitFilter.REMAINING_HEADER);
        }
    }

    private WebTestClient.ResponseSpec get(String path) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }
}
