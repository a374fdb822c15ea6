package com.m4s.platform.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;

/** The cluster id handed to Kafka's storage tool as {@code -t <id>} is never read as an option. */
class KafkaClusterIdTest {

    @Test
    void noGeneratedIdBeginsWithADashAndEachIsAValidKafkaId() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String id = LocalKafka.clusterId();
            assertThat(id).doesNotStartWith("-").hasSize(22).matches("[A-Za-z0-9_-]{22}");
            assertThat(Uuid.fromString(id).toString()).isEqualTo(id);
            ids.add(id);
        }
        // about one id in 64 would begin with '-' if drawn without the check: 20,000 draws meet hundreds of them
        assertThat(ids).hasSize(20_000);
    }

    @Test
    void anIdThatWouldBeginWithADashIsDrawnAgain() {
        UUID dash = new UUID(0xF800_0000_0000_0001L, 7L); // first six bits 111110: URL-safe base64 '-'
        UUID zero = new UUID(0L, 0L);
        UUID plain = new UUID(0x0123_4567_89AB_CDEFL, 0x0FED_CBA9_8765_4321L);
        Deque<UUID> draws = new ArrayDeque<>(List.of(dash, zero, plain));

        String id = LocalKafka.clusterId(draws::removeFirst);

        assertThat(draws).isEmpty();
        assertThat(id).isEqualTo(Uuid.fromString(id).toString()).doesNotStartWith("-").startsWith("ASNF");
    }
}
