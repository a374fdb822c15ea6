package com.m4s.store.card;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The member card's domain events, all on topic {@value #TOPIC}, each with the card after the step. */
public final class CardEvents {

    public static final String TOPIC = "m4s.membercard";

    /** Event types, past tense, one per step kind. */
    public enum Type {
        MemberCardJoined, MemberCardRenewed, MemberCardUpgraded, MemberCardDowngraded, MemberCardReportedLost,
        MemberCardReissued, MemberCardChanged, MemberCardQuit, MemberCardExpired;

        static Type of(MemberCardStep.Kind kind) {
            return switch (kind) {
                case JOINED -> MemberCardJoined;
                case RENEWED -> MemberCardRenewed;
                case UPGRADED -> MemberCardUpgraded;
                case DOWNGRADED -> MemberCardDowngraded;
                case REPORTED_LOST -> MemberCardReportedLost;
                case REISSUED -> MemberCardReissued;
                case CHANGED -> MemberCardChanged;
                case QUIT -> MemberCardQuit;
                case EXPIRED -> MemberCardExpired;
            };
        }
    }

    /** The payload (no names or phones: the member is an id). */
    public record CardChanged(UUID cardId, UUID memberId, String store, @Nullable String group, long version,
            String cardNumber, String level, @Nullable String previousLevel, CardStatus status, Instant validUntil,
            @Nullable Long qualifyingValue) {
    }

    private CardEvents() {
    }
}
