package com.m4s.store.card;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the card endpoints answer. */
public final class CardViews {

    public record CardLevelView(UUID id, String code, String name, int rank, long threshold, String benefits) {

        static CardLevelView of(CardLevel level) {
            return new CardLevelView(level.id(), level.code(), level.name(), level.rank(), level.threshold(),
                    level.benefits());
        }
    }

    /** The store's card programme: basis, window and validity, and the levels from the first up. */
    public record CardProgramme(CardBasis basis, int windowMonths, int validityMonths, List<CardLevelView> levels,
            long version) {
    }

    /**
     * A member's card with where they stand: the value of the basis in the window, the next level and how much more
     * it needs (null at the top level).
     */
    public record MemberCardView(UUID id, UUID memberId, String cardNumber, CardStatus status, CardLevelView level,
            Instant joinedAt, Instant validUntil, Instant levelSince, @Nullable Instant lastDowngradeAt,
            CardBasis basis, long qualifyingValue, @Nullable CardLevelView nextLevel, @Nullable Long toNextLevel,
            Set<CardStatus.Move> moves, long version) {
    }

    /**
     * A step of a card's life; levels by code as recorded and by the name the level has now (the code when the
     * level was removed since).
     */
    public record CardStepView(UUID id, MemberCardStep.Kind kind, @Nullable String fromLevel,
            @Nullable String fromLevelName, @Nullable String toLevel, @Nullable String toLevelName,
            @Nullable String oldNumber, @Nullable String newNumber, @Nullable String reason,
            @Nullable Long qualifyingValue, String actor, Instant at) {

        static CardStepView of(MemberCardStep step, java.util.Map<String, String> levelNames) {
            return new CardStepView(step.id(), step.kind(), step.fromLevel(), name(step.fromLevel(), levelNames),
                    step.toLevel(), name(step.toLevel(), levelNames), step.oldNumber(), step.newNumber(),
                    step.reason(), step.qualifyingValue(), step.actor(), step.createdAt());
        }

        private static @Nullable String name(@Nullable String code, java.util.Map<String, String> levelNames) {
            return code == null ? null : levelNames.getOrDefault(code, code);
        }
    }

    private CardViews() {
    }
}
