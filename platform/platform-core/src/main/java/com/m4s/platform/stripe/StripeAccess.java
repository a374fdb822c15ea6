package com.m4s.platform.stripe;

import com.m4s.platform.http.DependencyUnavailable;
import com.m4s.platform.http.OutboundHttpProperties;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * The service's way to Stripe. {@link #call} runs one request and turns Stripe's errors into problems: a decline or a
 * request Stripe finds wrong is {@link StripeRefused} (422); no connection, no answer within the read timeout of
 * outbound client {@value #CLIENT}, a 5xx, a rate limit or refused keys are {@link DependencyUnavailable} (503,
 * dependency {@value #CLIENT}) — the caller keeps its record of the attempt and asks again later with the same
 * idempotency key.
 */
public class StripeAccess {

    /** The outbound client name whose timeouts Stripe calls use ({@code m4s.http.clients.stripe.*}). */
    public static final String CLIENT = "stripe";

    /** Which endpoint a webhook came to, so which signing secret applies. */
    public enum Endpoint {
        /** Events of the platform's own account: billing. */
        PLATFORM,
        /** Events of dealer groups' connected accounts: owners' payments. */
        CONNECT
    }

    /** One request to Stripe. */
    @FunctionalInterface
    public interface Call<T> {
        T run(StripeClient client) throws StripeException;
    }

    private final StripeProperties properties;
    private final @Nullable StripeClient client;

    StripeAccess(StripeProperties properties, OutboundHttpProperties http) {
        this.properties = properties;
        String key = properties.secretKey();
        if (key == null) {
            this.client = null;
        } else {
            OutboundHttpProperties.Client timeouts = http.client(CLIENT);
            this.client = StripeClient.builder().setApiKey(key)
                    .setApiBase(properties.apiBase().toString().replaceAll("/+$", ""))
                    .setConnectTimeout((int) timeouts.connectTimeout().toMillis())
                    .setReadTimeout((int) timeouts.readTimeout().toMillis())
                    .setMaxNetworkRetries(properties.networkRetries())
                    .build();
        }
    }

    /** Whether this deployment has Stripe keys. */
    public boolean configured() {
        return client != null;
    }

    /** {@link StripeNotConfigured} when this deployment has no Stripe keys. */
    public void requireConfigured() {
        if (client == null) {
            throw new StripeNotConfigured();
        }
    }

    /** The key the browser may see, when configured. */
    public @Nullable String publishableKey() {
        return client == null ? null : properties.publishableKey();
    }

    /** Where browsers load Stripe.js from. */
    public java.net.URI jsUrl() {
        return java.util.Objects.requireNonNull(properties.jsUrl());
    }

    /** Runs one request; {@link StripeNotConfigured} when there are no keys. */
    public <T> T call(Call<T> call) {
        if (client == null) {
            throw new StripeNotConfigured();
        }
        try {
            return call.run(client);
        } catch (CardException e) {
            throw new StripeRefused("declined", e.getCode(), messageOf(e));
        } catch (InvalidRequestException | IdempotencyException e) {
            throw new StripeRefused("request", e.getCode(), messageOf(e));
        } catch (ApiConnectionException e) {
            throw DependencyUnavailable.unreachable(CLIENT, e);
        } catch (StripeException e) {
            Integer status = e.getStatusCode();
            throw DependencyUnavailable.answered(CLIENT, status == null ? 0 : status, messageOf(e), e);
        }
    }

    /** Options of a request on a dealer group's connected account, with our idempotency key. */
    public static RequestOptions onAccount(String connectedAccount, String idempotencyKey) {
        return RequestOptions.builder().setStripeAccount(connectedAccount).setIdempotencyKey(idempotencyKey).build();
    }

    /** Options of a request on a connected account that changes nothing (a read). */
    public static RequestOptions onAccount(String connectedAccount) {
        return RequestOptions.builder().setStripeAccount(connectedAccount).build();
    }

    /** Options of a request on the platform account with our idempotency key. */
    public static RequestOptions idempotent(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    /**
     * The event of a webhook whose {@code Stripe-Signature} matches the payload under the endpoint's secret and is
     * not older than the tolerance, measured on the wall clock (the signature's time is Stripe's real time, whatever
     * the service's clock says). {@link WebhookSignatureInvalid} otherwise; {@link StripeNotConfigured} (variant
     * {@code webhook}) when the endpoint has no secret here.
     */
    public Event verify(Endpoint endpoint, String payload, @Nullable String signature) {
        String secret = endpoint == Endpoint.PLATFORM ? properties.webhookSecret() : properties.connectWebhookSecret();
        if (secret == null) {
            throw StripeNotConfigured.webhook();
        }
        if (signature == null || signature.isBlank()) {
            throw new WebhookSignatureInvalid();
        }
        try {
            return Webhook.constructEvent(payload, signature, secret, properties.signatureTolerance().toSeconds(),
                    Clock.systemUTC());
        } catch (SignatureVerificationException | RuntimeException e) {
            // a payload that is not an event's JSON is as untrustworthy as a bad signature
            throw new WebhookSignatureInvalid();
        }
    }

    private static String messageOf(StripeException e) {
        String message = e.getStripeError() != null && e.getStripeError().getMessage() != null
                ? e.getStripeError().getMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
