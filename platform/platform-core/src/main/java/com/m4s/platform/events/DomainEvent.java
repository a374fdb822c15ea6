package com.m4s.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event record that carries its own identity, for {@link EventOutbox#publish(String, DomainEvent)}: the outbox
 * row, the Kafka key and the headers take these values, and the JSON payload is the record itself (so it names its
 * event id, store code and time too). Named in the past tense: the record's simple name is the event type.
 */
public interface DomainEvent {

    UUID eventId();

    /**
     * What the event's order is kept by, the Kafka key: the store code; on a topic about dealer groups, the group
     * code. Stored in the outbox's {@code store_code} column and sent in the {@link OutboxRelay#STORE} header.
     */
    String key();

    Instant occurredAt();
}
