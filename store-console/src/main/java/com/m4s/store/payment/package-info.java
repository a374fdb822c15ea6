/**
 * Payments (收款, WAL-3) and consumption records (消费记录, WAL-4), decision 0045: the checkout every payment goes
 * through — a repair order or a desk charge paid with coupons (the optimiser's recommendation or the owner's choice,
 * re-validated), the wallet, points and cash, in that order, in one transaction — the owner paying in the app, the
 * advisor recording money taken face to face (confirmed by the owner in the app or in person), the day's
 * reconciliation per advisor, and refunds that give each part back by the documented rule and take back the points
 * the order earned. {@link com.m4s.store.payment.Checkouts} and {@link com.m4s.store.payment.Payments}.
 */
@NullMarked
package com.m4s.store.payment;

import org.jspecify.annotations.NullMarked;
