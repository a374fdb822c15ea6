package com.m4s.platform.stripe;

import com.m4s.platform.web.ApiException;

/**
 * 400 {@code webhook-signature-invalid}: a webhook whose {@code Stripe-Signature} is missing, does not match the
 * payload under the endpoint's secret, or is older than the tolerance. Nothing is written for it.
 */
public class WebhookSignatureInvalid extends ApiException.BadRequest {

    WebhookSignatureInvalid() {
        super("webhook-signature-invalid");
    }
}
