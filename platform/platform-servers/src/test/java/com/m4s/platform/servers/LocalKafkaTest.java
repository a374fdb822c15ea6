package com.m4s.platform.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The broker from the Maven Central jars: takes records, keeps them across a crash and a restart. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalKafkaTest {

    @TempDir
    static Path data;

    private LocalKafka kafka;

    @BeforeAll
    void start() {
        kafka = LocalKafka.start(data.resolve("kafka"), 0);
    }

    @AfterAll
    void stop() {
        kafka.close();
    }

    @Test
    void recordsSentBeforeACrashAreThereAfterTheRestartOnTheSamePort() throws Exception {
        String topic = "t-" + UUID.randomUUID();
        String bootstrap = kafka.bootstrapServers();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, "gz_tianhe", "event-" + i)).get();
            }
        }

        kafka.kill();
        boolean runningAfterKill = kafka.isRunning();
        kafka.start();

        assertThat(runningAfterKill).isFalse();
        assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
        assertThat(readAll(topic, 3)).containsExactly("event-0", "event-1", "event-2");
    }

    @Test
    void endpointNamesTheClientPort() {
        assertThat(kafka.endpoint()).isEqualTo("127.0.0.1:" + kafka.port());
        assertThat(kafka.name()).isEqualTo("kafka");
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private List<String> readAll(String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
