package com.m4s.platform.stripe;

import com.m4s.platform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * 422: Stripe refused the request. Variant {@code declined}: the payer's bank or wallet declined (the payer may try
 * another method); {@code request}: Stripe found the request itself wrong (amount too small, an object in the wrong
 * state). Member {@code stripeCode} carries Stripe's error code where it gave one.
 */
public class StripeRefused extends ApiException {

    StripeRefused(String variant, @Nullable String stripeCode, String stripeMessage) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "stripe-refused", stripeMessage);
        variant(variant);
        if (stripeCode != null) {
            with("stripeCode", stripeCode);
        }
    }

    /** Stripe's error code, when it gave one (e.g. {@code card_declined}). */
    public @Nullable String stripeCode() {
        Object code = properties().get("stripeCode");
        return code == null ? null : code.toString();
    }
}
