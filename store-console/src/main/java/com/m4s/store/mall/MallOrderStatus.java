package com.m4s.store.mall;

import java.util.List;
import java.util.stream.Stream;

/** Where a mall order is (decision 0051); {@link #allows} says which moves are allowed from here. */
public enum MallOrderStatus {
    /** Placed, its stock reserved, its payment's online part not paid yet. */
    PENDING_PAYMENT,
    /** Paid; staff prepare it. */
    PAID,
    /** Waiting at the desk for the owner, who shows the pick-up code. */
    READY_FOR_PICKUP,
    /** To be fitted at a service visit. */
    SCHEDULED_FOR_INSTALLATION,
    /** Handed over or fitted. */
    COMPLETED,
    /** Its payment failed, timed out or was cancelled: the stock and everything the payment held went back; final. */
    CANCELLED,
    /** Part of what was paid went back; what is left may still be handed over. */
    PARTIALLY_REFUNDED,
    /** Everything paid went back and the goods to stock; final. */
    REFUNDED;

    /** The moves of an order. */
    public enum Move {
        /** The payment arrived (the checkout's or Stripe's word). */
        PAY,
        /** Staff put a pick-up order at the desk. */
        READY,
        /** Staff book the fitting of an installation order. */
        SCHEDULE,
        /** Handed over with the code, or fitted. */
        COMPLETE,
        /** The payment failed or the owner gave up before paying. */
        CANCEL,
        /** A refund of its payment. */
        REFUND
    }

    public boolean allows(Move move) {
        return switch (this) {
            case PENDING_PAYMENT -> move == Move.PAY || move == Move.CANCEL;
            case PAID -> move == Move.READY || move == Move.SCHEDULE || move == Move.REFUND;
            case READY_FOR_PICKUP -> move == Move.COMPLETE || move == Move.REFUND;
            case SCHEDULED_FOR_INSTALLATION -> move == Move.SCHEDULE || move == Move.COMPLETE || move == Move.REFUND;
            case COMPLETED -> move == Move.REFUND;
            case PARTIALLY_REFUNDED -> move == Move.COMPLETE || move == Move.REFUND;
            case CANCELLED, REFUNDED -> false;
        };
    }

    /** The moves allowed now, for the pages' buttons. */
    public List<Move> allowed() {
        return Stream.of(Move.values()).filter(this::allows).toList();
    }
}
