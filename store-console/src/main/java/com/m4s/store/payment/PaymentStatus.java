package com.m4s.store.payment;

import java.util.List;

/** Where a payment is; {@link #allows} says which moves are allowed from here (decisions 0045, 0046). */
public enum PaymentStatus {
    /** Recorded at the desk with money taken face to face; the owner has not confirmed it yet. */
    PENDING_CONFIRMATION,
    /**
     * The owner is paying the online part (WeChat Pay, Alipay); the coupons, wallet and points of the payment are
     * held meanwhile.
     */
    AWAITING_ONLINE,
    /** Paid and confirmed (the owner paid in the app, confirmed a desk payment, or staff saw it in person). */
    CONFIRMED,
    /** Part of what was paid was refunded. */
    PARTLY_REFUNDED,
    /** Everything paid was refunded; final. */
    REFUNDED,
    /** The online part failed, was cancelled or timed out; everything held was given back. Final. */
    FAILED;

    /** The moves of a payment. */
    public enum Move {
        /** Staff or the owner confirm a desk payment. */
        CONFIRM,
        /** Staff give back (part of) what was paid. */
        REFUND,
        /** Stripe says the online part was paid. */
        SUCCEED,
        /** Stripe says the online part failed or was cancelled, or it timed out. */
        FAIL
    }

    public boolean allows(Move move) {
        return switch (this) {
            case PENDING_CONFIRMATION -> move == Move.CONFIRM;
            case AWAITING_ONLINE -> move == Move.SUCCEED || move == Move.FAIL;
            case CONFIRMED, PARTLY_REFUNDED -> move == Move.REFUND;
            case REFUNDED, FAILED -> false;
        };
    }

    /** The moves people may make now, for the pages' buttons (Stripe's moves are not theirs). */
    public List<Move> allowed() {
        return java.util.stream.Stream.of(Move.CONFIRM, Move.REFUND).filter(this::allows).toList();
    }
}
