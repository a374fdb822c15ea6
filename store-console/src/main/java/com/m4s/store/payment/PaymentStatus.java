package com.m4s.store.payment;

import java.util.List;

/** Where a payment is; {@link #allows} says which moves are allowed from here (decision 0045). */
public enum PaymentStatus {
    /** Recorded at the desk with money taken face to face; the owner has not confirmed it yet. */
    PENDING_CONFIRMATION,
    /** Paid and confirmed (the owner paid in the app, confirmed a desk payment, or staff saw it in person). */
    CONFIRMED,
    /** Part of what was paid was refunded. */
    PARTLY_REFUNDED,
    /** Everything paid was refunded; final. */
    REFUNDED;

    /** The moves of a payment. */
    public enum Move {
        CONFIRM, REFUND
    }

    public boolean allows(Move move) {
        return switch (this) {
            case PENDING_CONFIRMATION -> move == Move.CONFIRM;
            case CONFIRMED, PARTLY_REFUNDED -> move == Move.REFUND;
            case REFUNDED -> false;
        };
    }

    /** The moves allowed now, for the pages' buttons. */
    public List<Move> allowed() {
        return java.util.Arrays.stream(Move.values()).filter(this::allows).toList();
    }
}
