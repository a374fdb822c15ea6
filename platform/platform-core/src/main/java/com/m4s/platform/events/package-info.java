/**
 * Domain events: written to the service's outbox table in the transaction of the change ({@link
 * com.m4s.platform.events.EventOutbox}), relayed to Kafka in order ({@link com.m4s.platform.events.OutboxRelay}),
 * topic per bounded context, key = store code, event id and type in headers.
 */
@NullMarked
package com.m4s.platform.events;

import org.jspecify.annotations.NullMarked;
