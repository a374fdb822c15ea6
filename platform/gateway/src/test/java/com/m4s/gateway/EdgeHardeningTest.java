package com.m4s.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.gateway.ratelimit.StoreRateLimitFilter;
import com.m4s.gateway.ratelimit.StoreRateLimiter;
import com.m4s.platform.test.TestKeycloak;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own defences: anonymous requests have their own small allowance per client address and never draw
 * on a store's, store codes named by anonymous requests get no bucket, tokens must come from the platform's own
 * clients, bodies over the limit are refused with a 413 problem before they reach a service, and a service learns the
 * client's address from the gateway, never from what the client claims.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "m4s.gateway.rate-limit.capacity=5", "m4s.gateway.rate-limit.refill-per-second=0.001",
    "m4s.gateway.rate-limit.anonymous.capacity=3", "m4s.gateway.rate-limit.anonymous.refill-per-second=0.001",
    "m4s.gateway.rate-limit.photos.capacity=10", "m4s.gateway.rate-limit.photos.refill-per-second=0.001",
    "m4s.gateway.max-body-size=1KB", "m4s.gateway.max-upload-size=4KB"})
@AutoConfigureWebTestClient
@Import(ManualRateLimitTime.class)
class EdgeHardeningTest {

    static final EchoServer DOWNSTREAM = EchoServer.start();
    static String token;

    @Autowired
    WebTestClient web;

    @Autowired
    StoreRateLimiter storeLimiter;

    @Autowired
    ManualRateLimitTime time;

    @Autowired
    ApplicationContext context;

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
    void token() {
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        // every test starts with full allowances: ten hours refill the anonymous (3) and store (5) buckets
        time.advance(Duration.ofHours(10));
        if (token == null) {
            token = TestKeycloak.token("operator");
        }
    }

    @Test
    void anonymousSignUpRequestsHaveTheirOwnAllowanceAndLeaveTheStoresIntact() {
        for (int i = 0; i < 3; i++) {
            signUpCode("edge_a").expectStatus().isOk();
        }
        signUpCode("edge_a").expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo("https://m4s.dev/problems/rate-limited");

        web.get().uri("/api/stores/edge_a/members").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(StoreRateLimitFilter.REMAINING_HEADER, "4");
    }

    @Test
    void storeCodesNamedByAnonymousRequestsGetNoBucket() {
        int before = storeLimiter.size();

        for (int i = 0; i < 3; i++) {
            signUpCode("nowhere_" + i);
        }

        assertThat(storeLimiter.size()).isEqualTo(before);
    }

    @Test
    void aTokenIssuedToAnotherClientOfTheRealmIsRefused() {
        HttpResponse<String> issued = TestKeycloak.tokenResponse(Map.of("grant_type", "password", "client_id",
                "admin-cli", "username", "operator", "password", TestKeycloak.DEMO_PASSWORD));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String foreign = JsonMapper.builder().build().readTree(issued.body()).path("access_token").asString();
        int before = DOWNSTREAM.requests();

        web.get().uri("/api/admin/groups").headers(h -> h.setBearerAuth(foreign)).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://m4s.dev/problems/unauthenticated");

        assertThat(DOWNSTREAM.requests()).isEqualTo(before);
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemAndNeverReachesTheService() {
        int before = DOWNSTREAM.requests();

        web.post().uri("/api/admin/groups").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"" + "x".repeat(2048) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://m4s.dev/problems/payload-too-large");

        assertThat(DOWNSTREAM.requests()).isEqualTo(before);
        web.post().uri("/api/admin/groups").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"small\"}")
                .exchange().expectStatus().isOk();
    }

    @Test
    void aPhotoUploadHasItsOwnLargerLimit() {
        org.springframework.http.client.MultipartBodyBuilder parts = new org.springframework.http.client.MultipartBodyBuilder();
        parts.part("file", new byte[2048]).filename("car.jpg").contentType(MediaType.IMAGE_JPEG);
        web.post().uri("/api/stores/edge_a/photos").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(parts.build())
                .exchange().expectStatus().isOk();

        org.springframework.http.client.MultipartBodyBuilder big = new org.springframework.http.client.MultipartBodyBuilder();
        big.part("file", new byte[8192]).filename("big.jpg").contentType(MediaType.IMAGE_JPEG);
        // sent without Content-Length (chunked): cut off while it streams, once past the upload limit
        web.post().uri("/api/stores/edge_a/photos").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(big.build())
                .exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("https://m4s.dev/problems/payload-too-large");
    }

    @Test
    void signedPhotoReadsHaveTheirOwnAllowanceAndLeaveTheSignUpsIntact() {
        for (int i = 0; i < 10; i++) {
            web.get().uri("/api/stores/edge_a/photos/" + java.util.UUID.randomUUID() + "/small?expires=1&signature=x")
                    .exchange().expectStatus().isOk();
        }
        web.get().uri("/api/stores/edge_a/photos/" + java.util.UUID.randomUUID() + "/small?expires=1&signature=x")
                .exchange().expectStatus().isEqualTo(429);

        signUpCode("edge_a").expectStatus().isOk();
    }

    @Test
    void theServiceLearnsTheClientsAddressAndNoneTheClientNamedItself() {
        web.get().uri("/api/admin/groups").headers(h -> {
            h.setBearerAuth(token);
            h.set("X-Forwarded-For", "203.0.113.9");
            h.set("X-Forwarded-Host", "evil.example");
            h.set("Forwarded", "for=203.0.113.9;host=evil.example");
            h.set("Proxy-Authorization", "Basic c2VjcmV0");
            h.set("Connection", "keep-alive, X-Secret");
            h.set("X-Secret", "for the next hop only");
        }).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Proxy-Authenticate")
                .expectBody()
                .jsonPath("$['X-Forwarded-For']").isEqualTo("127.0.0.1")
                .jsonPath("$['X-Forwarded-Proto']").isEqualTo("http")
                .jsonPath("$['X-Forwarded-Host']").value(host -> assertThat((String) host).matches("localhost:\\d+"))
                .jsonPath("$['X-Forwarded-Port']").value(port -> assertThat((String) port).matches("\\d+"))
                .jsonPath("$.Forwarded").isEmpty()
                .jsonPath("$['Proxy-Authorization']").isEmpty()
                .jsonPath("$['X-Secret']").isEmpty()
                .jsonPath("$.authorization").isEqualTo("Bearer " + token);
    }

    @Test
    void springCloudGatewaysOwnHeaderCopiesAreReplacedNotDoubled() {
        assertThat(context.getBeansOfType(HttpHeadersFilter.class).values())
                .noneMatch(f -> f instanceof RemoveHopByHopHeadersFilter || f instanceof RemoveForwardedHeadersFilter
                        || f instanceof RemoveXForwardedHeadersFilter || f instanceof XForwardedHeadersFilter)
                .filteredOn(f -> f.supports(HttpHeadersFilter.Type.REQUEST))
                .hasSizeGreaterThanOrEqualTo(1);
    }

    private WebTestClient.ResponseSpec signUpCode(String store) {
        return web.post().uri("/api/stores/" + store + "/owner-signup/codes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"phone\":\"13600000001\"}").exchange();
    }
}
