package com.m4s.store.coupon;

import java.util.EnumSet;
import java.util.Set;

/** Where a coupon a member holds is: usable, used by a payment, or past its last day. {@link #allows} names moves. */
public enum MemberCouponState {
    /** Held and not used; it may still be outside its dates (the checkout explains why). */
    AVAILABLE,
    /** Used by a payment; restored when that payment is refunded or cancelled. */
    USED,
    /** Its last day passed unused (or it was restored after its last day); final. */
    EXPIRED;

    /** The steps of a coupon's life. */
    public enum Move {
        USE, RESTORE, EXPIRE
    }

    public boolean allows(Move move) {
        return allowed().contains(move);
    }

    public Set<Move> allowed() {
        return switch (this) {
            case AVAILABLE -> EnumSet.of(Move.USE, Move.EXPIRE);
            case USED -> EnumSet.of(Move.RESTORE);
            case EXPIRED -> EnumSet.noneOf(Move.class);
        };
    }
}
