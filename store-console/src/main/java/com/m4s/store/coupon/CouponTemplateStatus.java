package com.m4s.store.coupon;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a coupon template is in its life; {@link #allows} says which moves are possible from here. Its rules change
 * only while it is a draft: what members hold is what was activated.
 */
public enum CouponTemplateStatus {
    /** Being written: every rule may change; nothing is handed out. */
    DRAFT,
    /** Handed out (issued, claimed); only its name, description and a larger stock may change. */
    ACTIVE,
    /** No more handed out; the coupons members hold stay usable until their own dates; final. */
    ENDED;

    /** The steps of a template's life. */
    public enum Move {
        /** Change every rule (a draft). */
        EDIT_RULES,
        /** Change the name, the description, raise the stock. */
        EDIT_TEXT,
        ACTIVATE,
        END,
        /** Hand coupons out: issue to members, claims from the centre. */
        HAND_OUT
    }

    public boolean allows(Move move) {
        return allowed().contains(move);
    }

    /** The moves possible from here (the console offers its buttons by it). */
    public Set<Move> allowed() {
        return switch (this) {
            case DRAFT -> EnumSet.of(Move.EDIT_RULES, Move.EDIT_TEXT, Move.ACTIVATE);
            case ACTIVE -> EnumSet.of(Move.EDIT_TEXT, Move.END, Move.HAND_OUT);
            case ENDED -> EnumSet.noneOf(Move.class);
        };
    }
}
