package com.m4s.admin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.m4s.admin.group.GroupEvents;
import com.m4s.admin.store.StoreEvents;
import com.m4s.admin.store.Stores;
import com.m4s.platform.events.OutboxRelay;
import com.m4s.platform.servers.Api;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.ServiceTest;
import com.m4s.platform.test.TestKafka;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rest of the platform learns about stores and groups from Kafka: each change of the directory is exactly one
 * event, in the order of the changes, and a change that is rolled back or refused publishes nothing. store-console's
 * internal API is stood in for by a local HTTP server that takes every call (or refuses the store codes a test
 * names); everything else is real: PostgreSQL, Keycloak (the calls carry tenant-admin's token), Kafka.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext // the store-console stand-in is gone after the class
class StoreLifecycleEventsTest extends ServiceTest {

    private static final String GROUP = "grp_events";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final StoreConsoleStandIn STORE_CONSOLE = new StoreConsoleStandIn();

    @DynamicPropertySource
    static void storeConsole(DynamicPropertyRegistry registry) {
        registry.add("m4s.store-console.url", STORE_CONSOLE::url);
    }

    @Autowired
    Stores stores;

    @Autowired
    TransactionTemplate tx;

    @BeforeAll
    void group() {
        assertThat(api().post("/api/admin/groups", Map.of("code", GROUP, "name", "事件测试集团")).status())
                .isEqualTo(201);
    }

    @AfterAll
    void stopStandIn() {
        STORE_CONSOLE.close();
    }

    @Test
    void aNewGroupIsAnnouncedOnceOnTheGroupTopicKeyedByItsCode() {
        List<ConsumerRecord<String, String>> records = eventsOf(GroupEvents.TOPIC, GROUP, 1);

        assertThat(records).extracting(r -> header(r, OutboxRelay.EVENT_TYPE)).containsExactly("DealerGroupCreated");
        JsonNode payload = json(records.getFirst());
        assertThat(payload.path("groupCode").asString()).isEqualTo(GROUP);
        assertThat(payload.path("name").asString()).isEqualTo("事件测试集团");
        assertThat(payload.path("eventId").asString()).isEqualTo(header(records.getFirst(), OutboxRelay.EVENT_ID));
        assertThat(payload.has("occurredAt")).isTrue();
    }

    @Test
    void aStoreFromCreationThroughSuspensionToReactivationPublishesEachChangeOnceInOrder() {
        create("ev_life");
        awaitStatus("ev_life", "ACTIVE");
        assertThat(api().post("/api/admin/stores/ev_life/suspend", "").status()).isEqualTo(200);
        assertThat(api().post("/api/admin/stores/ev_life/suspend", "").status()).isEqualTo(200); // changes nothing
        assertThat(api().post("/api/admin/stores/ev_life/reactivate", "").status()).isEqualTo(200);

        List<ConsumerRecord<String, String>> records = eventsOf(StoreEvents.TOPIC, "ev_life", 4);

        assertThat(records).extracting(r -> header(r, OutboxRelay.EVENT_TYPE))
                .containsExactly("StoreCreated", "StoreActivated", "StoreSuspended", "StoreActivated");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo("ev_life");
            assertThat(header(r, OutboxRelay.STORE)).isEqualTo("ev_life");
            assertThat(json(r).path("storeCode").asString()).isEqualTo("ev_life");
            assertThat(json(r).path("groupCode").asString()).isEqualTo(GROUP);
            assertThat(json(r).path("eventId").asString()).isEqualTo(header(r, OutboxRelay.EVENT_ID));
        });
        assertThat(json(records.get(0)).path("city").asString()).isEqualTo("广州");
        assertThat(json(records.get(1)).path("reactivated").asBoolean()).isFalse();
        assertThat(json(records.get(3)).path("reactivated").asBoolean()).isTrue();
        assertThat(records).extracting(r -> Long.parseLong(header(r, OutboxRelay.SEQUENCE))).isSorted();
    }

    @Test
    void aStoreWhoseProvisioningFailsIsOnlyAnnouncedAsCreated() {
        STORE_CONSOLE.refuse("ev_fails");
        create("ev_fails");
        awaitStatus("ev_fails", "FAILED");
        // a later event of another store, so the relay has certainly passed anything ev_fails could have published
        create("ev_marker");
        eventsOf(StoreEvents.TOPIC, "ev_marker", 1);

        assertThat(eventsOf(StoreEvents.TOPIC, "ev_fails", 1)).extracting(r -> header(r, OutboxRelay.EVENT_TYPE))
                .containsExactly("StoreCreated");
    }

    @Test
    void aSuspensionStoreConsoleRefusesChangesNothingAndPublishesNothing() {
        create("ev_refused");
        awaitStatus("ev_refused", "ACTIVE");
        STORE_CONSOLE.refuse("ev_refused");

        Api.Response suspend = api().post("/api/admin/stores/ev_refused/suspend", "");

        assertThat(suspend.status()).isEqualTo(503);
        assertThat(suspend.problemType()).isEqualTo("store-runtime-unavailable");
        assertThat(api().get("/api/admin/stores/ev_refused").json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(outboxTypes("ev_refused")).containsExactly("StoreCreated", "StoreActivated");
    }

    @Test
    void aCreationThatIsRolledBackPublishesNothing() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            stores.create(GROUP, new Stores.NewStore("ev_rolled_back", "回滚店", "广州", "Honda", "Asia/Shanghai",
                    null, null));
            throw new IllegalStateException("the change fails after the store and its event were written");
        })).hasMessageContaining("the change fails");
        create("ev_after_rollback");
        eventsOf(StoreEvents.TOPIC, "ev_after_rollback", 1);

        assertThat(outboxTypes("ev_rolled_back")).isEmpty();
        assertThat(eventsOfNow(StoreEvents.TOPIC, "ev_rolled_back")).isEmpty();
        assertThat(api().get("/api/admin/stores/ev_rolled_back").status()).isEqualTo(404);
        assertThat(STORE_CONSOLE.provisioned()).doesNotContain("ev_rolled_back");
    }

    @Test
    void aStoresAddressAndPhoneTravelWithItsCreationAndItsProvisioningAndAChangeIsAnnounced() {
        Api.Response created = api().post("/api/admin/groups/" + GROUP + "/stores", Map.of("code", "ev_contact",
                "name", "广汽本田天河店", "city", "广州", "brand", "Honda", "timeZone", "Asia/Shanghai",
                "address", "广州市天河区黄埔大道西 100 号", "phone", "020-38881234"));
        assertThat(created.status()).as(created.raw()).isEqualTo(202);
        awaitStatus("ev_contact", "ACTIVE");
        JsonNode provisioned = JSON.readTree(STORE_CONSOLE.lastBody("/internal/stores/ev_contact"));

        long version = api().get("/api/admin/stores/ev_contact").json().path("version").asLong();
        Api.Response changed = api().put("/api/admin/stores/ev_contact/details", Map.of("name", "广汽本田天河旗舰店",
                "address", "广州市天河区黄埔大道西 200 号", "phone", "400-830-8999"),
                Map.of("If-Match", "\"" + version + "\""));
        Api.Response repeated = api().put("/api/admin/stores/ev_contact/details", Map.of(
                "name", "广汽本田天河旗舰店", "address", "广州市天河区黄埔大道西 200 号", "phone", "400-830-8999"));

        assertThat(provisioned.path("name").asString()).isEqualTo("广汽本田天河店");
        assertThat(provisioned.path("address").asString()).isEqualTo("广州市天河区黄埔大道西 100 号");
        assertThat(provisioned.path("phone").asString()).isEqualTo("020-38881234");
        assertThat(provisioned.path("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.json().path("name").asString()).isEqualTo("广汽本田天河旗舰店");
        assertThat(changed.json().path("phone").asString()).isEqualTo("400-830-8999");
        assertThat(repeated.status()).isEqualTo(200);
        JsonNode told = JSON.readTree(STORE_CONSOLE.lastBody("/internal/stores/ev_contact/details"));
        assertThat(told.path("name").asString()).isEqualTo("广汽本田天河旗舰店");
        assertThat(told.path("address").asString()).isEqualTo("广州市天河区黄埔大道西 200 号");
        List<ConsumerRecord<String, String>> records = eventsOf(StoreEvents.TOPIC, "ev_contact", 3);
        assertThat(records).extracting(r -> header(r, OutboxRelay.EVENT_TYPE))
                .as("the repeat changed nothing and published nothing")
                .containsExactly("StoreCreated", "StoreActivated", "StoreDescribed");
        assertThat(json(records.get(0)).path("address").asString()).isEqualTo("广州市天河区黄埔大道西 100 号");
        assertThat(json(records.get(0)).path("phone").asString()).isEqualTo("020-38881234");
        assertThat(json(records.get(2)).path("name").asString()).isEqualTo("广汽本田天河旗舰店");
        assertThat(json(records.get(2)).path("phone").asString()).isEqualTo("400-830-8999");
    }

    @Test
    void aChangeOfDetailsStoreConsoleRefusesChangesNothingAndPublishesNothing() {
        create("ev_describe_refused");
        awaitStatus("ev_describe_refused", "ACTIVE");
        STORE_CONSOLE.refuse("ev_describe_refused");

        Api.Response changed = api().put("/api/admin/stores/ev_describe_refused/details",
                Map.of("name", "改名失败店", "phone", "13800138000"));

        assertThat(changed.status()).isEqualTo(503);
        assertThat(changed.problemType()).isEqualTo("store-runtime-unavailable");
        assertThat(api().get("/api/admin/stores/ev_describe_refused").json().path("name").asString())
                .isEqualTo("事件测试店 ev_describe_refused");
        assertThat(outboxTypes("ev_describe_refused")).containsExactly("StoreCreated", "StoreActivated");
    }

    private void create(String code) {
        Api.Response created = api().post("/api/admin/groups/" + GROUP + "/stores", Map.of("code", code,
                "name", "事件测试店 " + code, "city", "广州", "brand", "Honda", "timeZone", "Asia/Shanghai"));
        assertThat(created.status()).as(created.raw()).isEqualTo(202);
    }

    private void awaitStatus(String code, String status) {
        Eventually.await(Duration.ofSeconds(60), code + " " + status,
                () -> api().get("/api/admin/stores/" + code).json().path("status").asString(), status::equals);
    }

    /**
     * The events of {@code key} on the topic, from the beginning, once {@code count} have arrived, and whatever else
     * of that key arrives in the second after (so an extra event would be seen).
     */
    private static List<ConsumerRecord<String, String>> eventsOf(String topic, String key, int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(topic)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        records.add(r);
                    }
                });
            }
            consumer.poll(Duration.ofSeconds(1)).forEach(r -> {
                if (key.equals(r.key())) {
                    records.add(r);
                }
            });
        }
        assertThat(records).as("events of " + key + " on " + topic).hasSizeGreaterThanOrEqualTo(count);
        return records;
    }

    /** The events of {@code key} on the topic now (reads the topic to its end). */
    private static List<ConsumerRecord<String, String>> eventsOfNow(String topic, String key) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(topic)) {
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var batch = consumer.poll(Duration.ofMillis(700));
                emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
                batch.forEach(r -> {
                    if (key.equals(r.key())) {
                        records.add(r);
                    }
                });
            }
        }
        return records;
    }

    private static KafkaConsumer<String, String> consumer(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private List<String> outboxTypes(String key) {
        try (Connection c = database.connect(); PreparedStatement q = c.prepareStatement(
                "select event_type from admin.event_outbox where store_code = ? order by id")) {
            q.setString(1, key);
            List<String> types = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
            return types;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        return JSON.readTree(record.value());
    }

    /**
     * store-console's internal API as tenant-admin sees it: answers 204 to provisioning and status calls, or 503 for
     * the stores a test refuses. Remembers which stores it was asked to provision and that each call had a token.
     */
    static final class StoreConsoleStandIn implements AutoCloseable {

        private final HttpServer server;
        private final Set<String> refused = ConcurrentHashMap.newKeySet();
        private final Set<String> provisioned = ConcurrentHashMap.newKeySet();
        private final Map<String, String> bodies = new ConcurrentHashMap<>();

        StoreConsoleStandIn() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/internal/stores/", exchange -> {
                String[] path = exchange.getRequestURI().getPath().split("/");
                String store = path.length > 3 ? path[3] : "";
                bodies.put(exchange.getRequestURI().getPath(),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                int status = auth == null || !auth.startsWith("Bearer ") ? 401 : refused.contains(store) ? 503 : 204;
                if (status == 204 && path.length == 4) {
                    provisioned.add(store);
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /** The body of the last call to this path. */
        String lastBody(String path) {
            return java.util.Objects.requireNonNull(bodies.get(path), "no call to " + path);
        }

        void refuse(String store) {
            refused.add(store);
        }

        Set<String> provisioned() {
            return Set.copyOf(provisioned);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
