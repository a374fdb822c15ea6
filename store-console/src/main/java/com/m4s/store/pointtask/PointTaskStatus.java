package com.m4s.store.pointtask;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a task is in its life; {@link #allows} says which moves are possible from here. A published task's reward is
 * fixed: to change it, end the task and publish a new one (members rewarded under the old one keep what they got).
 */
public enum PointTaskStatus {
    /** Being written: grants nothing, every field may change. */
    DRAFT,
    /** In force: grants on its trigger within its validity. */
    PUBLISHED,
    /** Over: grants nothing any more; final. */
    ENDED;

    /** The steps of a task's life. */
    public enum Move {
        EDIT, PUBLISH, END
    }

    public boolean allows(Move move) {
        return allowed().contains(move);
    }

    /** The moves possible from here (the UI offers these). */
    public Set<Move> allowed() {
        return switch (this) {
            case DRAFT -> EnumSet.of(Move.EDIT, Move.PUBLISH, Move.END);
            case PUBLISHED -> EnumSet.of(Move.END);
            case ENDED -> EnumSet.noneOf(Move.class);
        };
    }
}
