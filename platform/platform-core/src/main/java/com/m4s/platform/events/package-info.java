/**
 * Domain events: written to the service's outbox table in the transaction of the change ({@link
 * com.m4s.platform.events.EventOutbox}), relayed to Kafka in order ({@link com.m4s.platform.events.OutboxRelay}),
 * topic per bounded context, key = store code (the group code on a topic about dealer groups), event id and type in
 * headers. Events that carry their own id and key implement {@link com.m4s.platform.events.DomainEvent}.
 */
@NullMarked
package com.m4s.platform.events;

import org.jspecify.annotations.NullMarked;
