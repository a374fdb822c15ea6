package com.m4s.store.mall;

import java.util.List;
import java.util.stream.Stream;

/** Where a part ordered for a customer is (MALL-3, decision 0052); {@link #allows} says which moves apply. */
public enum PartOrderStatus {
    /** Ordered from the supplier; the customer waits for it. */
    ORDERED,
    /** At the store: the owner and the advisor were told. */
    ARRIVED,
    /** Given to the customer (or fitted); final. */
    HANDED_OVER,
    /** Not wanted any more or not to be had, with the reason; final. */
    CANCELLED;

    /** The moves of a part order. */
    public enum Move {
        /** The part came in. */
        ARRIVE,
        /** The customer took it. */
        HAND_OVER,
        /** Called off before the customer took it: the supplier cannot deliver, or the customer declines. */
        CANCEL
    }

    public boolean allows(Move move) {
        return switch (this) {
            case ORDERED -> move == Move.ARRIVE || move == Move.CANCEL;
            case ARRIVED -> move == Move.HAND_OVER || move == Move.CANCEL;
            case HANDED_OVER, CANCELLED -> false;
        };
    }

    /** The moves allowed now, for the pages' buttons. */
    public List<Move> allowed() {
        return Stream.of(Move.values()).filter(this::allows).toList();
    }
}
