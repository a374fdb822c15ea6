package com.m4s.platform.events;

import com.m4s.platform.jobs.BackgroundLoop;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one {@link EventHandler} on a thread of its own: a Kafka consumer of the group {@code m4s.<name>} reads the
 * topics, hands each polled batch to the handler and commits the batch's offsets only after the handler returned.
 * When the handler throws, the consumer goes back to the batch's first offsets and hands it over again after a
 * back-off (1 s doubling to 30 s), so nothing is skipped; a handler that keeps failing holds its partitions up, which
 * the log says. While Kafka is unreachable the client keeps reconnecting on its own.
 *
 * <p>Records without the outbox's headers are skipped with a warning: they were not written by an outbox.
 */
public class EventConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);

    private final String name;
    private final List<String> topics;
    private final EventHandler handler;
    private final Map<String, Object> config;
    private final AtomicLong handled = new AtomicLong();
    private final BackgroundLoop loop;
    private volatile @Nullable KafkaConsumer<String, String> consumer;

    /**
     * @param name the consumer's name: its group id is {@code m4s.<name>}, so two services or instances with the same
     * name share the work, and a new name starts from the earliest event kept
     * @param maxBatch at most this many records per handed-over batch
     */
    public EventConsumer(String name, Collection<String> topics, String bootstrapServers, int maxBatch,
            EventHandler handler) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "m4s." + name);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "m4s." + name);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxBatch);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, true);
        c.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        // a crashed instance's partitions go to the others (or to it, restarted) after 10 s, not the default 45 s
        c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        this.config = Map.copyOf(c);
        this.loop = new BackgroundLoop("event-consumer-" + name, FIRST_BACK_OFF, MAX_BACK_OFF, this::consume,
                (e, pause) -> log.warn("event consumer {} restarts in {} s: {}", name, pause.toSeconds(), e.toString()),
                () -> {
                    KafkaConsumer<String, String> current = consumer;
                    if (current != null) {
                        current.wakeup();
                    }
                }, false, Duration.ofSeconds(15));
    }

    public String name() {
        return name;
    }

    /** Events handed over and committed since start (a batch handed over again counts again). */
    public long handled() {
        return handled.get();
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

    /** One session: a consumer that polls until stopped or until it fails (then the loop backs off and makes another). */
    private void consume(BackgroundLoop loop) {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer = c;
            c.subscribe(topics);
            while (loop.isRunning()) {
                ConsumerRecords<String, String> records = c.poll(POLL);
                if (records.isEmpty()) {
                    continue;
                }
                if (handleBatch(c, records)) {
                    loop.succeeded();
                } else {
                    loop.backOff();
                }
            }
        } catch (WakeupException e) {
            if (loop.isRunning()) {
                log.warn("event consumer {} woken unexpectedly; restarting it", name);
            }
        } finally {
            consumer = null;
        }
    }

    /** Hands the batch over and commits it; on failure rewinds to its start and answers false. */
    private boolean handleBatch(KafkaConsumer<String, String> c, ConsumerRecords<String, String> records) {
        List<ReceivedEvent> events = new ArrayList<>(records.count());
        Map<TopicPartition, Long> first = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            TopicPartition partition = new TopicPartition(r.topic(), r.partition());
            first.putIfAbsent(partition, r.offset());
            next.put(partition, new OffsetAndMetadata(r.offset() + 1));
            ReceivedEvent event = event(r);
            if (event != null) {
                events.add(event);
            }
        }
        try {
            if (!events.isEmpty()) {
                handler.handle(events);
            }
        } catch (Exception e) {
            log.warn("event consumer {} could not handle {} events (first {} of {}); handing them over again: {}",
                    name, events.size(), events.isEmpty() ? "-" : events.getFirst().eventId(),
                    events.isEmpty() ? "-" : events.getFirst().storeCode(), e.toString(), e);
            first.forEach((partition, offset) -> {
                if (c.assignment().contains(partition)) {
                    c.seek(partition, offset);
                }
            });
            return false;
        }
        c.commitSync(next);
        handled.addAndGet(events.size());
        return true;
    }

    private @Nullable ReceivedEvent event(ConsumerRecord<String, String> r) {
        String id = header(r, OutboxRelay.EVENT_ID);
        String type = header(r, OutboxRelay.EVENT_TYPE);
        String store = header(r, OutboxRelay.STORE);
        if (id == null || type == null || store == null || r.value() == null) {
            log.warn("event consumer {} skips a record without event headers at {}-{}@{}", name, r.topic(),
                    r.partition(), r.offset());
            return null;
        }
        String occurred = header(r, OutboxRelay.OCCURRED_AT);
        String sequence = header(r, OutboxRelay.SEQUENCE);
        return new ReceivedEvent(UUID.fromString(id), type, store,
                occurred == null ? Instant.ofEpochMilli(r.timestamp()) : Instant.parse(occurred),
                sequence == null ? r.offset() : Long.parseLong(sequence), r.topic(), r.partition(), r.offset(),
                r.value());
    }

    private static @Nullable String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
