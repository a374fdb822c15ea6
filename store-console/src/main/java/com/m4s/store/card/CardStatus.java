package com.m4s.store.card;

import java.util.EnumSet;
import java.util.Set;

/** Where a member's card is in its life; {@link #allows} says which moves are possible from here. */
public enum CardStatus {
    /** In use: earns its level's benefits. */
    ACTIVE,
    /** Reported lost: nothing is granted on its number until a new card is issued. */
    LOST,
    /** Past its validity; renewing brings it back at its level. */
    EXPIRED,
    /** The member left the programme; joining again gives a new card. */
    QUIT;

    /** The steps of a card's life. */
    public enum Move {
        RENEW, UPGRADE, DOWNGRADE, REPORT_LOST, REISSUE, CHANGE, QUIT, EXPIRE, REJOIN
    }

    public boolean allows(Move move) {
        return allowed().contains(move);
    }

    /** The moves possible from here (the UI offers these). */
    public Set<Move> allowed() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(Move.RENEW, Move.UPGRADE, Move.DOWNGRADE, Move.REPORT_LOST, Move.CHANGE,
                    Move.QUIT, Move.EXPIRE);
            case LOST -> EnumSet.of(Move.REISSUE, Move.QUIT);
            case EXPIRED -> EnumSet.of(Move.RENEW, Move.QUIT);
            case QUIT -> EnumSet.of(Move.REJOIN);
        };
    }
}
