package com.m4s.platform.events;

import com.m4s.platform.jobs.BackgroundLoop;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends the outbox's events to Kafka, oldest first: key = store code (so a store's events share a partition and
 * keep their order), headers {@value #EVENT_ID}, {@value #EVENT_TYPE}, {@value #STORE}, {@value #OCCURRED_AT},
 * {@value #SEQUENCE}. A row is marked sent only after the broker acknowledged it. Each batch starts with one record
 * sent alone: only when the broker took it are the others sent, so while Kafka is down nothing is sent past a
 * failed event and the events wait in the table, to go out in order when it returns. After a failure nothing later
 * of the same store is marked and the relay backs off with a new producer. A record the broker took but whose
 * acknowledgement was lost is sent again, so consumers de-duplicate by event id; if the broker fails in the middle
 * of a batch, records of a store already in flight may land after an earlier one that is sent again, which the
 * sequence header shows.
 *
 * <p>One relay per schema works at a time: it holds a PostgreSQL advisory lock on a connection of its own; other
 * instances of the service wait for it.
 */
public class OutboxRelay implements SmartLifecycle {

    public static final String EVENT_ID = "m4s-event-id";
    public static final String EVENT_TYPE = "m4s-event-type";
    public static final String STORE = "m4s-store";
    public static final String OCCURRED_AT = "m4s-occurred-at";
    /** The outbox row id: increases with each event of a store, so a consumer can tell an older event. */
    public static final String SEQUENCE = "m4s-sequence";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);
    private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);

    private record Row(long id, UUID eventId, String store, String topic, String type, String payload,
            Timestamp occurredAt) {
    }

    private final DataSource dataSource;
    private final String table;
    private final String lockKey;
    private final Map<String, Object> producerConfig;
    private final BackgroundLoop loop;

    public OutboxRelay(DataSource dataSource, String schema, String bootstrapServers) {
        this.dataSource = dataSource;
        this.table = schema + ".event_outbox";
        this.lockKey = "m4s.outbox-relay." + schema;
        this.producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + schema);
        this.loop = new BackgroundLoop("outbox-relay", FIRST_BACK_OFF, MAX_BACK_OFF, this::relay,
                (e, pause) -> log.warn("outbox relay of {} paused for {} s: {}", table, pause.toSeconds(), e.toString()),
                () -> { }, true, Duration.ofSeconds(10));
    }

    /** Something was committed to the outbox: relay it now rather than at the next poll. */
    public void wakeUp() {
        loop.wakeUp();
    }

    /** Failed attempts since start (Kafka did not take an event, the database failed): each one paused the relay. */
    public long failures() {
        return loop.failures();
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** One session: as the leader, relays until stopped or until something fails (then the loop backs off). */
    private void relay(BackgroundLoop loop) throws Exception {
        try (Connection leader = dataSource.getConnection()) {
            if (!lead(leader)) {
                loop.pause(Duration.ofSeconds(5));
                return;
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig,
                    new StringSerializer(), new StringSerializer())) {
                while (loop.isRunning()) {
                    int relayed = relayBatch(producer);
                    loop.succeeded();
                    if (relayed < BATCH) {
                        loop.awaitWork(IDLE_POLL);
                    }
                }
            } finally {
                unlock(leader);
            }
        }
    }

    /** Sends one batch; marks what the broker acknowledged; fails if anything was not. */
    int relayBatch(KafkaProducer<String, String> producer) throws SQLException {
        List<Row> rows = unsent();
        if (rows.isEmpty()) {
            return 0;
        }
        // the first one alone: if the broker does not take it, nothing after it is sent
        try {
            producer.send(record(rows.getFirst())).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take event " + rows.getFirst().eventId() + ": " + e, e);
        }
        markSent(List.of(rows.getFirst().id()));
        rows = rows.subList(1, rows.size());
        List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
        for (Row row : rows) {
            sent.add(producer.send(record(row)));
        }
        producer.flush();
        List<Long> acknowledged = new ArrayList<>();
        Set<String> failedStores = new HashSet<>();
        Exception firstFailure = null;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (failedStores.contains(row.store())) {
                continue;
            }
            try {
                sent.get(i).get(30, TimeUnit.SECONDS);
                acknowledged.add(row.id());
            } catch (Exception e) {
                failedStores.add(row.store());
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        markSent(acknowledged);
        if (firstFailure != null) {
            throw new IllegalStateException(acknowledged.size() + " of " + rows.size() + " events acknowledged; "
                    + "the rest wait: " + firstFailure, firstFailure);
        }
        return rows.size() + 1;
    }

    private static ProducerRecord<String, String> record(Row row) {
        return new ProducerRecord<>(row.topic(), null, row.store(), row.payload(), List.of(
                header(EVENT_ID, row.eventId().toString()), header(EVENT_TYPE, row.type()), header(STORE, row.store()),
                header(OCCURRED_AT, row.occurredAt().toInstant().toString()), header(SEQUENCE, Long.toString(row.id()))));
    }

    private List<Row> unsent() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select id, event_id, store_code, topic, event_type, payload::text, occurred_at from " + table
                        + " where sent_at is null order by id limit " + BATCH)) {
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7)));
                }
            }
            return rows;
        }
    }

    private void markSent(List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement u = c.prepareStatement(
                "update " + table + " set sent_at = now() where id = any(?)")) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            u.setArray(1, array);
            u.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    private boolean lead(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
            q.setString(1, lockKey);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void unlock(Connection c) {
        try (PreparedStatement q = c.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
            q.setString(1, lockKey);
            q.execute();
        } catch (SQLException e) {
            log.debug("could not release the relay lock (released with the connection): {}", e.toString());
        }
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
