package com.m4s.platform.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.m4s.platform.http.DependencyUnavailable;
import com.m4s.platform.http.OutboundHttpProperties;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StripeAccessTest {

    private static final String SECRET = "whsec_test_connect";
    private static final String PAYLOAD = """
            {"id":"evt_1","object":"event","type":"payment_intent.succeeded","api_version":"2026-07-29.dahlia",
             "created":1764800000,"livemode":false,"account":"acct_1",
             "data":{"object":{"id":"pi_1","object":"payment_intent","amount":1000,"currency":"cny"}}}""";

    private final StripeAccess configured = new StripeAccess(new StripeProperties("sk_test_x", "pk_test_x",
            URI.create("http://127.0.0.1:1"), "whsec_test_platform", SECRET, Duration.ofMinutes(5), 0,
            URI.create("http://127.0.0.1:1/_test/js/v3")),
            new OutboundHttpProperties(Map.of("stripe", new OutboundHttpProperties.Client(
                    Duration.ofMillis(300), Duration.ofMillis(300), null))));
    private final StripeAccess unconfigured = new StripeAccess(new StripeProperties(" ", null, null, null, null,
            null, null, null), new OutboundHttpProperties(Map.of()));

    @Test
    void aWebhookSignedWithTheEndpointsSecretGivesItsEvent() throws Exception {
        String header = Webhook.Signature.generateSignatureHeader(PAYLOAD, SECRET);

        Event event = configured.verify(StripeAccess.Endpoint.CONNECT, PAYLOAD, header);

        assertThat(event.getId()).isEqualTo("evt_1");
        assertThat(event.getAccount()).isEqualTo("acct_1");
        assertThat(event.getType()).isEqualTo("payment_intent.succeeded");
    }

    @Test
    void aWrongSecretAStaleSignatureNoSignatureOrAChangedPayloadAreRefused() throws Exception {
        String otherEndpoint = Webhook.Signature.generateSignatureHeader(PAYLOAD, "whsec_test_platform");
        long sixMinutesAgo = System.currentTimeMillis() / 1000 - 360;
        String stale = Webhook.Signature.generateSignatureHeader(PAYLOAD, SECRET, sixMinutesAgo);
        String good = Webhook.Signature.generateSignatureHeader(PAYLOAD, SECRET);

        for (String header : new String[] {otherEndpoint, stale, null, "", "t=1,v1=00"}) {
            assertThatThrownBy(() -> configured.verify(StripeAccess.Endpoint.CONNECT, PAYLOAD, header))
                    .isInstanceOf(WebhookSignatureInvalid.class);
        }
        assertThatThrownBy(() -> configured.verify(StripeAccess.Endpoint.CONNECT, PAYLOAD.replace("1000", "1"), good))
                .isInstanceOf(WebhookSignatureInvalid.class);
        assertThatThrownBy(() -> configured.verify(StripeAccess.Endpoint.CONNECT, "not json", good))
                .isInstanceOf(WebhookSignatureInvalid.class);
        // the platform endpoint checks with its own secret
        assertThat(configured.verify(StripeAccess.Endpoint.PLATFORM, PAYLOAD, otherEndpoint).getId())
                .isEqualTo("evt_1");
    }

    @Test
    void withoutKeysNothingIsCalledAndTheProblemSaysNotConfigured() {
        assertThat(unconfigured.configured()).isFalse();
        assertThat(unconfigured.publishableKey()).isNull();
        assertThat(unconfigured.jsUrl()).as("Stripe's own Stripe.js unless told otherwise")
                .hasToString("https://js.stripe.com/v3/");
        assertThatThrownBy(() -> unconfigured.call(client -> client.v1().paymentIntents().retrieve("pi_1")))
                .isInstanceOf(StripeNotConfigured.class)
                .satisfies(e -> assertThat(((StripeNotConfigured) e).type()).isEqualTo("stripe-not-configured"));
        assertThatThrownBy(() -> unconfigured.verify(StripeAccess.Endpoint.CONNECT, PAYLOAD, "t=1,v1=00"))
                .isInstanceOf(StripeNotConfigured.class);
    }

    @Test
    void stripeOutOfReachIsADependencyUnavailableNamingStripe() {
        assertThatThrownBy(() -> configured.call(client -> client.v1().paymentIntents().retrieve("pi_1")))
                .isInstanceOf(DependencyUnavailable.class)
                .satisfies(e -> assertThat(((DependencyUnavailable) e).dependency()).isEqualTo("stripe"));
        assertThat(configured.publishableKey()).isEqualTo("pk_test_x");
        assertThat(configured.jsUrl()).hasToString("http://127.0.0.1:1/_test/js/v3");
    }
}
