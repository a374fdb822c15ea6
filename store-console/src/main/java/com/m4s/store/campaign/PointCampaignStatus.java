package com.m4s.store.campaign;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a campaign is in its life; {@link #allows} says which moves are possible from here. Only a draft or a
 * rejected campaign may change; what was approved is what is granted.
 */
public enum PointCampaignStatus {
    /** Being written: name, reason, points and members may change. */
    DRAFT,
    /** Waiting for a manager's review; nothing may change. */
    SUBMITTED,
    /** Approved: the grant job will take it up. */
    APPROVED,
    /** The grant job is granting its members. */
    GRANTING,
    /** Every member granted or skipped; final. */
    DONE,
    /** Sent back with the reviewer's note: editable again (an edit makes it a draft), or submitted again. */
    REJECTED;

    /** The steps of a campaign's life; START and FINISH are the grant job's. */
    public enum Move {
        EDIT, SUBMIT, APPROVE, REJECT, START, FINISH
    }

    public boolean allows(Move move) {
        return allowed().contains(move);
    }

    /** The moves possible from here (the UI offers the staff's ones). */
    public Set<Move> allowed() {
        return switch (this) {
            case DRAFT, REJECTED -> EnumSet.of(Move.EDIT, Move.SUBMIT);
            case SUBMITTED -> EnumSet.of(Move.APPROVE, Move.REJECT);
            case APPROVED -> EnumSet.of(Move.START);
            case GRANTING -> EnumSet.of(Move.FINISH);
            case DONE -> EnumSet.noneOf(Move.class);
        };
    }
}
