package com.m4s.store.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.events.OutboxRelay;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.TestKafka;
import com.m4s.store.support.StoreConsoleTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Events go from the outbox to the real Kafka only when their transaction commits, in order, also across an outage. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventOutboxTest extends StoreConsoleTest {

    private static final String STORE = "events_a";
    private static final String OTHER = "events_b";

    @Autowired
    EventOutbox outbox;

    @Autowired
    TransactionTemplate tx;

    /** The relay of this service; the only one in the test JVM while this class runs. */
    @Autowired
    OutboxRelay relay;

    private Tenant store;

    @BeforeAll
    void stores() {
        provision(STORE);
        provision(OTHER);
        store = Tenant.of(STORE, "m4s_store_");
    }

    @Test
    void aCommittedEventReachesKafkaKeyedByStoreWithIdAndTypeInHeaders() {
        String topic = topic();

        EventOutbox.Published published = publish(topic, "ListingApproved", Map.of("listingId", "L-1", "price", 88000));

        ConsumerRecord<String, String> record = consumeUntil(topic, published.eventId()).getFirst();
        assertThat(record.key()).isEqualTo(STORE);
        assertThat(header(record, OutboxRelay.EVENT_ID)).isEqualTo(published.eventId().toString());
        assertThat(header(record, OutboxRelay.EVENT_TYPE)).isEqualTo("ListingApproved");
        assertThat(header(record, OutboxRelay.STORE)).isEqualTo(STORE);
        JsonNode payload = JsonMapper.builder().build().readTree(record.value());
        assertThat(payload.path("listingId").asString()).isEqualTo("L-1");
        assertThat(payload.path("price").asInt()).isEqualTo(88000);
        assertThat(Long.parseLong(header(record, OutboxRelay.SEQUENCE))).isPositive();
        awaitSent(published.eventId());
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        String topic = topic();
        UUID[] rolledBack = new UUID[1];

        assertThatThrownBy(() -> TenantContext.runAs(store, () -> tx.executeWithoutResult(status -> {
            rolledBack[0] = outbox.publish(topic, "ListingRejected", Map.of("listingId", "L-2")).eventId();
            throw new IllegalStateException("the change fails after the event was written");
        }))).hasMessageContaining("the change fails");
        EventOutbox.Published after = publish(topic, "ListingApproved", Map.of("listingId", "L-3"));

        // the relay goes in outbox order: had the rolled-back event been written, it would have come before this one
        List<ConsumerRecord<String, String>> records = consumeUntil(topic, after.eventId());
        assertThat(records).extracting(r -> header(r, OutboxRelay.EVENT_ID)).containsExactly(after.eventId().toString());
        assertThat(outboxRows(rolledBack[0])).isZero();
    }

    @Test
    void whileKafkaIsDownEventsWaitAndThenGoOutInOrder() {
        String topic = topic();
        // topic exists and the producer is connected before the outage
        UUID warmed = publish(topic, "Warmed", Map.of("n", 0)).eventId();
        consumeUntil(topic, warmed);
        awaitSent(warmed);

        long failuresBefore = relay.failures();
        TestKafka.server().kill();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) {
                ids.add(publish(topic, "ListingPriceChanged", Map.of("n", i)).eventId().toString());
            }
            // the relay tried to send the first of them and Kafka did not take it
            Eventually.await(Duration.ofSeconds(60), "the relay failing while Kafka is down", relay::failures,
                    n -> n > failuresBefore);
            assertThat(ids).allSatisfy(id -> assertThat(sentAt(UUID.fromString(id))).isNull());
        } finally {
            TestKafka.server().start();
        }
        String marker = publish(topic, "Marker", Map.of("n", 4)).eventId().toString();
        ids.add(marker);

        List<ConsumerRecord<String, String>> records = consumeUntil(topic, UUID.fromString(marker));
        // at least once: a duplicate may come, but the first appearances keep the order of the changes
        assertThat(records.stream().map(r -> header(r, OutboxRelay.EVENT_ID)).filter(id -> !id.equals(warmed.toString()))
                .distinct().toList()).containsExactlyElementsOf(ids);
        ids.forEach(id -> awaitSent(UUID.fromString(id)));
    }

    @Test
    void aStoreRoleCannotAddEventsOfAnotherStoreNorReadAny() throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("set role m4s_store_" + STORE);
            s.executeUpdate("insert into console.event_outbox (event_id, store_code, topic, event_type, payload,"
                    + " occurred_at) values ('" + UUID.randomUUID() + "', '" + STORE + "', 'm4s.test.rls', 'Own',"
                    + " '{}', now())");
            assertThatThrownBy(() -> s.executeUpdate("insert into console.event_outbox (event_id, store_code, topic,"
                    + " event_type, payload, occurred_at) values ('" + UUID.randomUUID() + "', '" + OTHER
                    + "', 'm4s.test.rls', 'Forged', '{}', now())")).hasMessageContaining("row-level security");
            assertThatThrownBy(() -> s.executeQuery("select * from console.event_outbox"))
                    .hasMessageContaining("permission denied");
            s.execute("reset role");
        }
    }

    private EventOutbox.Published publish(String topic, String type, Object payload) {
        return TenantContext.supplyAs(store, () -> tx.execute(status -> outbox.publish(topic, type, payload)));
    }

    private static String topic() {
        return "m4s.test." + UUID.randomUUID();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** The topic's records from the start up to and including the event {@code last}. */
    private List<ConsumerRecord<String, String>> consumeUntil(String topic, UUID last) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (records.stream().noneMatch(r -> header(r, OutboxRelay.EVENT_ID).equals(last.toString()))) {
                assertThat(Instant.now()).as("event " + last + " on " + topic + " in time; got " + records.size())
                        .isBefore(deadline);
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        int end = 0;
        while (!header(records.get(end), OutboxRelay.EVENT_ID).equals(last.toString())) {
            end++;
        }
        return records.subList(0, end + 1);
    }

    private void awaitSent(UUID eventId) {
        Eventually.await(Duration.ofSeconds(30), "event " + eventId + " marked sent", () -> sentAt(eventId),
                sent -> sent != null);
    }

    private Object sentAt(UUID eventId) {
        return query("select sent_at from console.event_outbox where event_id = '" + eventId + "'");
    }

    private long outboxRows(UUID eventId) {
        Object count = query("select count(*) from console.event_outbox where event_id = '" + eventId + "'");
        return ((Number) count).longValue();
    }

    private Object query(String sql) {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
