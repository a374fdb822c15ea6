/**
 * Dealer groups' subscriptions (SAAS-3, decision 0047): the plan catalogue, a Stripe customer and subscription per
 * group whose quantity is the group's billable stores, Stripe's webhooks processed once each in any order, dunning
 * (past due, then read-only stores after the grace period, writable again once paid), invoices and the billing
 * portal, and the group's connected account for owners' payments.
 */
@NullMarked
package com.m4s.admin.billing;

import org.jspecify.annotations.NullMarked;
