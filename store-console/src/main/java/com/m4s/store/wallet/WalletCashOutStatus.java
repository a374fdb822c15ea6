package com.m4s.store.wallet;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a cash-out is. At or under the store's threshold it is paid when asked; above it, it waits for a manager who
 * is not the requester. {@link #allows} names the moves.
 */
public enum WalletCashOutStatus {
    /** Waiting for a second manager; nothing has left the wallet. */
    PENDING,
    /** The CASH_OUT entry exists; final. */
    PAID,
    /** Refused with a note; nothing left the wallet; final. */
    REJECTED;

    /** The steps of a request's life. */
    public enum Move {
        APPROVE, REJECT
    }

    public boolean allows(Move move) {
        return allowed().contains(move);
    }

    /** The moves possible from here (the console offers 批准 / 驳回 by it). */
    public Set<Move> allowed() {
        return switch (this) {
            case PENDING -> EnumSet.of(Move.APPROVE, Move.REJECT);
            case PAID, REJECTED -> EnumSet.noneOf(Move.class);
        };
    }
}
