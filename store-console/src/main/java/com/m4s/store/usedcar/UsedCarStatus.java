package com.m4s.store.usedcar;

import java.util.Set;

/** Where a consigned car is in its life; {@link #next} says which moves are allowed from here. */
public enum UsedCarStatus {
    /** Waiting for the expert review. */
    SUBMITTED,
    /** The reviewer asked the owner to change something; the owner edits and resubmits. */
    CHANGES_REQUESTED,
    /** Refused, with a reason; final. */
    REJECTED,
    /** Approved and on the market with a condition report and asking price. */
    LISTED,
    /** A buyer has reserved it; still shown on the market as reserved. */
    RESERVED,
    /** Sold; final, off the market. */
    SOLD,
    /** Taken back by the owner or the store; final, off the market. */
    WITHDRAWN;

    /** The transitions of the consignment workflow. */
    public enum Move {
        EDIT, APPROVE, REQUEST_CHANGES, REJECT, UPDATE_LISTING, RESERVE, RELEASE, SELL, WITHDRAW
    }

    /** Whether the move is allowed from this status. */
    public boolean allows(Move move) {
        return switch (this) {
            case SUBMITTED -> Set.of(Move.EDIT, Move.APPROVE, Move.REQUEST_CHANGES, Move.REJECT, Move.WITHDRAW)
                    .contains(move);
            case CHANGES_REQUESTED -> Set.of(Move.EDIT, Move.REJECT, Move.WITHDRAW).contains(move);
            case LISTED -> Set.of(Move.UPDATE_LISTING, Move.RESERVE, Move.SELL, Move.WITHDRAW).contains(move);
            case RESERVED -> Set.of(Move.UPDATE_LISTING, Move.RELEASE, Move.SELL, Move.WITHDRAW).contains(move);
            case REJECTED, SOLD, WITHDRAWN -> false;
        };
    }

    /** Shown on the market (and in search): listed or reserved. */
    public boolean onMarket() {
        return this == LISTED || this == RESERVED;
    }
}
