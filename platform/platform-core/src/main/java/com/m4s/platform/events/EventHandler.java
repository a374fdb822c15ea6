package com.m4s.platform.events;

import java.util.List;

/**
 * What a consumer does with the events it receives. A batch is handed over again after a failure, a crash or a
 * rebalance (Kafka delivers at least once), so a handler must be idempotent: either its effect carries the event's
 * version (e.g. an external document version in Elasticsearch), or it records the event in {@link ProcessedEvents}
 * in the transaction of its effect.
 */
@FunctionalInterface
public interface EventHandler {

    /**
     * Handles events in log order per partition; returning normally commits their offsets, throwing hands the whole
     * batch over again after a back-off.
     */
    void handle(List<ReceivedEvent> events) throws Exception;
}
