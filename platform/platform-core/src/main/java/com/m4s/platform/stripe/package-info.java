/**
 * Stripe, the one way a service talks to it: {@link com.m4s.platform.stripe.StripeAccess} makes the {@code
 * StripeClient} from {@code m4s.stripe.*} (keys from the environment, never committed; the API base is configurable
 * so tests talk to the Stripe test fixture), runs calls with the timeouts of outbound client {@code stripe}
 * ({@code m4s.http.clients.stripe.*}) and turns Stripe's errors into problems, and checks webhook signatures. Without
 * a secret key nothing is called: {@link com.m4s.platform.stripe.StripeNotConfigured} (409) says so.
 */
@NullMarked
package com.m4s.platform.stripe;

import org.jspecify.annotations.NullMarked;
