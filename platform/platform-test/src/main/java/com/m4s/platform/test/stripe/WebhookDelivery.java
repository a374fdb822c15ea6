package com.m4s.platform.test.stripe;

import java.time.Instant;

/**
 * One attempt to deliver an event to an endpoint: the HTTP status answered, or -1 when no answer came (connection
 * refused, timeout), then {@code error} says why.
 */
public record WebhookDelivery(String eventId, String eventType, String endpointId, String url, int attempt,
        int status, Instant at, String error) {

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
