package com.m4s.platform.stripe;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code m4s.stripe.*}. Keys come from the environment ({@code M4S_STRIPE_SECRET_KEY}, ...), never from a committed
 * file; with no secret key the service runs and online payment and billing answer "not configured".
 *
 * @param secretKey the platform account's secret key ({@code sk_...}); owner payments use it with the dealer
 *     group's connected account in the {@code Stripe-Account} header
 * @param publishableKey the key the browser may see ({@code pk_...})
 * @param apiBase where Stripe's API is: {@code https://api.stripe.com}, or the test fixture's address
 * @param webhookSecret the signing secret of the endpoint receiving the platform account's events (billing)
 * @param connectWebhookSecret the signing secret of the endpoint receiving connected accounts' events (payments)
 * @param signatureTolerance how old a webhook's signature may be (default 5 minutes, Stripe's own)
 * @param networkRetries how often the client retries a failed connection with the same idempotency key (default 1)
 * @param jsUrl where browsers load Stripe.js from to take card details (default {@code https://js.stripe.com/v3/};
 *     the test fixture serves a stand-in)
 */
@ConfigurationProperties("m4s.stripe")
public record StripeProperties(@Nullable String secretKey, @Nullable String publishableKey, @Nullable URI apiBase,
        @Nullable String webhookSecret, @Nullable String connectWebhookSecret, @Nullable Duration signatureTolerance,
        @Nullable Integer networkRetries, @Nullable URI jsUrl) {

    public StripeProperties {
        secretKey = blankToNull(secretKey);
        publishableKey = blankToNull(publishableKey);
        webhookSecret = blankToNull(webhookSecret);
        connectWebhookSecret = blankToNull(connectWebhookSecret);
        apiBase = apiBase == null ? URI.create("https://api.stripe.com") : apiBase;
        signatureTolerance = signatureTolerance == null ? Duration.ofMinutes(5) : signatureTolerance;
        networkRetries = networkRetries == null ? 1 : networkRetries;
        jsUrl = jsUrl == null ? URI.create("https://js.stripe.com/v3/") : jsUrl;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
