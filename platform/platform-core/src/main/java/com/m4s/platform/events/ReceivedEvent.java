package com.m4s.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A domain event as a consumer receives it from Kafka: the outbox's headers read back, and where it sat in the log.
 *
 * @param sequence the outbox row id: later events of a store have larger ones
 * @param payload the event's JSON
 */
public record ReceivedEvent(UUID eventId, String type, String storeCode, Instant occurredAt, long sequence,
        String topic, int partition, long offset, String payload) {
}
