package com.m4s.store.repairorder;

import java.util.Set;

/** Where a repair order is; {@link #allows} says which moves are allowed from here. */
public enum RepairOrderStatus {
    /** Open in the workshop: no points yet. */
    OPEN,
    /** Paid: its lines earned points (pending through the refund window). */
    SETTLED,
    /** Settled, and one or more lines refunded (their points taken back). */
    REFUNDED,
    /** Cancelled after settlement: every point it earned taken back; final. */
    REVERSED;

    /** The moves of a repair order. */
    public enum Move {
        CORRECT, SETTLE, REFUND, REVERSE
    }

    public boolean allows(Move move) {
        return switch (this) {
            case OPEN -> Set.of(Move.CORRECT, Move.SETTLE).contains(move);
            case SETTLED, REFUNDED -> Set.of(Move.CORRECT, Move.REFUND, Move.REVERSE).contains(move);
            case REVERSED -> false;
        };
    }

    /** Whether the order's lines have earned points. */
    public boolean settled() {
        return this != OPEN;
    }
}
