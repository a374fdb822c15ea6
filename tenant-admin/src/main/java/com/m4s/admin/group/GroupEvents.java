package com.m4s.admin.group;

import com.m4s.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * What the rest of the platform learns about dealer groups, on topic {@value #TOPIC}. A group event concerns no
 * store: its key (the outbox's store column, the Kafka key and the {@code m4s-store} header) is the group code.
 */
public final class GroupEvents {

    /** The dealer groups' topic. */
    public static final String TOPIC = "m4s.groups";

    /** A dealer group was created. */
    public record DealerGroupCreated(UUID eventId, String groupCode, String name, Instant occurredAt)
            implements DomainEvent {

        @Override
        public String key() {
            return groupCode;
        }
    }

    private GroupEvents() {
    }
}
