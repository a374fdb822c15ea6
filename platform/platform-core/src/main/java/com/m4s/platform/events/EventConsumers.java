package com.m4s.platform.events;

import java.util.Collection;

/**
 * Makes {@link EventConsumer}s on the service's Kafka: a feature declares its consumer as a bean made here, and the
 * application context starts and stops it.
 */
public class EventConsumers {

    /** Records per handed-over batch unless a consumer asks otherwise. */
    public static final int DEFAULT_BATCH = 200;

    private final String bootstrapServers;

    public EventConsumers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public EventConsumer create(String name, Collection<String> topics, EventHandler handler) {
        return create(name, topics, DEFAULT_BATCH, handler);
    }

    public EventConsumer create(String name, Collection<String> topics, int maxBatch, EventHandler handler) {
        return new EventConsumer(name, topics, bootstrapServers, maxBatch, handler);
    }
}
