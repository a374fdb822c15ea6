package com.m4s.platform.stripe;

import com.m4s.platform.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * 409 {@code stripe-not-configured}: this deployment has no Stripe keys (or, variant {@code webhook}, no signing
 * secret for the endpoint called), so online payment and billing are off; desk and wallet payments work.
 */
public class StripeNotConfigured extends ApiException {

    StripeNotConfigured() {
        super(HttpStatus.CONFLICT, "stripe-not-configured");
    }

    static StripeNotConfigured webhook() {
        StripeNotConfigured problem = new StripeNotConfigured();
        problem.variant("webhook");
        return problem;
    }
}
