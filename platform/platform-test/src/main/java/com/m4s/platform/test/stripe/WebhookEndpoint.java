package com.m4s.platform.test.stripe;

/**
 * A webhook endpoint the test configured on the fixture: {@code connect} endpoints receive the events of connected
 * accounts, the others the platform account's.
 */
public record WebhookEndpoint(String id, String url, String secret, boolean connect) {
}
