package com.m4s.store.gift;

import java.util.List;
import java.util.stream.Stream;

/** Where a redemption is; {@link #allows} says which moves are allowed from here. */
public enum GiftRedemptionStatus {
    /** Paid with points, the gift taken from stock; waiting to be handed over at the store. */
    REDEEMED,
    /** The member has the gift; final. */
    HANDED_OVER,
    /** Cancelled before hand-over: the points and the stock were given back; final. */
    CANCELLED;

    /** The moves of a redemption. */
    public enum Move {
        /** Staff hand the gift over at the desk. */
        HAND_OVER,
        /** Staff or the member cancel it before hand-over. */
        CANCEL
    }

    public boolean allows(Move move) {
        return this == REDEEMED;
    }

    /** The moves allowed now, for the pages' buttons. */
    public List<Move> allowed() {
        return Stream.of(Move.values()).filter(this::allows).toList();
    }
}
