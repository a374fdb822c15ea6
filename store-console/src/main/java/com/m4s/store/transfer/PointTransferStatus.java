package com.m4s.store.transfer;

import java.util.EnumSet;
import java.util.Set;

/** Where a transfer is: done when it is made; a manager may reverse it once. {@link #allows} names the moves. */
public enum PointTransferStatus {
    /** The points moved: the sender's TRANSFER_OUT and the receiver's TRANSFER_IN entries exist. */
    COMPLETED,
    /** Reversed by staff with a reason: exactly the opposite entries exist; final. */
    REVERSED;

    /** The steps of a transfer's life after it is made. */
    public enum Move {
        REVERSE
    }

    public boolean allows(Move move) {
        return allowed().contains(move);
    }

    /** The moves possible from here (the console offers 撤销 by it). */
    public Set<Move> allowed() {
        return switch (this) {
            case COMPLETED -> EnumSet.of(Move.REVERSE);
            case REVERSED -> EnumSet.noneOf(Move.class);
        };
    }
}
