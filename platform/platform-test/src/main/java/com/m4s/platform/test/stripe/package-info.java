/**
 * Test fixture: {@link com.m4s.platform.test.stripe.StripeTestServer}, a local in-memory server that speaks the part
 * of Stripe's HTTP API M4S uses, for tests and the browser suite (Stripe itself is not reachable from here). It covers
 * PaymentIntents (WeChat Pay QR codes, Alipay redirects, test cards) on connected accounts with {@code Stripe-Account},
 * charges, refunds, disputes, customers, payment methods, products, prices, subscriptions with prorations, invoices
 * and their previews, the billing portal, idempotency keys, events and signed webhooks with retries, and a clock that
 * tests advance like Stripe's test clocks. Pages under {@code /_test/} stand in for the customer's side (authorise or
 * fail a payment, add a card) and expose the test controls over HTTP. Never on the production path.
 */
package com.m4s.platform.test.stripe;
