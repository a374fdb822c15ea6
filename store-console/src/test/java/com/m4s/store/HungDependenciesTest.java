package com.m4s.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.SilentServer;
import com.m4s.platform.test.TestKafka;
import com.m4s.platform.test.TestKeycloak;
import com.m4s.platform.test.TestPostgres;
import com.m4s.platform.test.TestUsers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Fail fast: with Elasticsearch or Keycloak's Admin API accepting connections and never answering, a request that
 * needs them answers 503 within 3 s instead of holding the caller. Everything else is real (PostgreSQL, Kafka, the
 * Keycloak that issues the tokens).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext // its search indexer and relay point at servers that are gone after the class
class HungDependenciesTest {

    private static final Duration FAIL_FAST = Duration.ofSeconds(3);
    private static final String STORE = "hung_deps";
    private static final HangingSearch SEARCH = new HangingSearch();
    private static final SilentServer KEYCLOAK_ADMIN = SilentServer.start();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
        TestKeycloak.register(registry);
        TestKafka.register(registry);
        registry.add("m4s.search.elasticsearch.url", SEARCH::url);
        // a consumer group of its own: this context's indexer cannot index, the other test contexts' must
        registry.add("m4s.search.consumer", () -> "hung-dependencies-test.search-indexer");
        // tokens still come from the real Keycloak; its Admin API (staff logins) is the socket that never answers
        registry.add("spring.security.oauth2.client.provider.keycloak.token-uri", TestKeycloak::tokenEndpoint);
        registry.add("m4s.keycloak.url", KEYCLOAK_ADMIN::url);
    }

    @LocalServerPort
    int port;

    private Api operator;

    @BeforeAll
    void store() {
        Api service = new Api("http://127.0.0.1:" + port).withToken(TestKeycloak.clientToken(
                TestKeycloak.TENANT_ADMIN_CLIENT, TestKeycloak.tenantAdminSecret()));
        Api.Response provisioned = service.put("/internal/stores/" + STORE, Map.of("groupCode", "hung_group"));
        assertThat(provisioned.status()).as(provisioned.raw()).isEqualTo(200);
        operator = new Api("http://127.0.0.1:" + port).withToken(
                TestKeycloak.passwordToken("operator", TestUsers.PASSWORD));
    }

    @AfterAll
    void stop() {
        SEARCH.close();
        KEYCLOAK_ADMIN.close();
    }

    @Test
    void aMarketSearchWhileElasticsearchHangsAnswers503WithinThreeSeconds() {
        Timed answer = timed(() -> operator.get("/api/stores/" + STORE + "/used-car-market?q=%E5%AE%9D%E9%A9%AC"));

        assertThat(answer.response().status()).as(answer.response().raw()).isEqualTo(503);
        assertThat(answer.response().problemType()).isEqualTo("search-unavailable");
        assertThat(answer.took()).isLessThan(FAIL_FAST);
        assertThat(SEARCH.searchesHeld()).isPositive();
    }

    @Test
    void aStaffInvitationWhileKeycloaksAdminApiHangsAnswers503WithinThreeSeconds() {
        Timed answer = timed(() -> operator.post("/api/stores/" + STORE + "/staff", Map.of("username", "hung.staff",
                "displayName", "等待师傅", "role", "STORE_STAFF", "department", "service")));

        assertThat(answer.response().status()).as(answer.response().raw()).isEqualTo(503);
        assertThat(answer.response().isProblem()).isTrue();
        assertThat(answer.took()).isLessThan(FAIL_FAST);
        assertThat(KEYCLOAK_ADMIN.connections()).isPositive();
    }

    @Test
    void theStaffListWhileKeycloaksAdminApiHangsAnswers503WithinThreeSeconds() {
        Timed answer = timed(() -> operator.get("/api/stores/" + STORE + "/staff"));

        assertThat(answer.response().status()).as(answer.response().raw()).isEqualTo(503);
        assertThat(answer.response().problemType()).isEqualTo("identity-unavailable");
        assertThat(answer.took()).isLessThan(FAIL_FAST);
    }

    @Test
    void theDashboardWhileKeycloaksAdminApiHangsShowsItsOtherCardsWithinThreeSeconds() {
        Timed answer = timed(() -> operator.get("/api/stores/" + STORE + "/dashboard"));

        assertThat(answer.response().status()).as(answer.response().raw()).isEqualTo(200);
        assertThat(answer.took()).isLessThan(FAIL_FAST);
        var cards = answer.response().json().path("cards");
        assertThat(cards.findValuesAsString("key")).contains("members", "staff");
        cards.forEach(card -> assertThat(card.path("available").asBoolean())
                .as(card.path("key").asString()).isEqualTo(!card.path("key").asString().equals("staff")));
    }

    private record Timed(Api.Response response, Duration took) {
    }

    private static Timed timed(Supplier<Api.Response> call) {
        long started = System.nanoTime();
        Api.Response response = call.get();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * An Elasticsearch that takes searches and never answers them; anything else (the service's start-up checks, the
     * indexer) is refused at once with a 503, so only the search under test waits.
     */
    static final class HangingSearch implements AutoCloseable {

        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final CountDownLatch released = new CountDownLatch(1);
        private final java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();

        HangingSearch() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(threads);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestURI().getPath().endsWith("/_search")) {
                    held.incrementAndGet();
                    try {
                        released.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else {
                    exchange.sendResponseHeaders(503, -1);
                }
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        int searchesHeld() {
            return held.get();
        }

        @Override
        public void close() {
            released.countDown();
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
