package com.m4s.store.payment;

import com.m4s.platform.security.Open;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where Stripe sends the events of dealer groups' connected accounts: owners' online payments. */
@RestController
@RequestMapping("/api/payments/stripe")
@Tag(name = "stripe-webhooks", description = "Stripe's events about owners' online payments (decision 0046)")
class StripeWebhookController {

    private final PaymentWebhooks webhooks;

    StripeWebhookController(PaymentWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Open("Stripe calls it without a token; every request is checked by its Stripe-Signature instead, and changes"
            + " nothing unless the signature matches the connect endpoint's secret")
    @PostMapping("/webhook")
    @Operation(summary = "Take in one Stripe event (signed); answers what it changed",
            description = "400 webhook-signature-invalid when the signature is missing, wrong or older than 5"
                    + " minutes; 409 stripe-not-configured without the endpoint's secret. Repeats answer DUPLICATE.")
    PaymentWebhooks.Received receive(@RequestBody String payload,
            @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
        return webhooks.receive(payload, signature);
    }
}
