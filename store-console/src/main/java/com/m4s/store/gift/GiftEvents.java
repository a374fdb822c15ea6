package com.m4s.store.gift;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The gift warehouse's domain events, all on topic {@value #TOPIC}; ids, counts and points, no members' names or
 * phones. A gift's events carry the gift as the catalogue shows it (its search document), with the gift's version: the
 * search index takes the newest and never goes back.
 */
public final class GiftEvents {

    public static final String TOPIC = "m4s.gift";

    /** Event types, past tense. */
    public enum Type {
        GiftCreated, GiftChanged, GiftListed, GiftDelisted, GiftStockMoved, GiftRedeemed, GiftHandedOver,
        GiftRedemptionCancelled,
        /** A gift given free to a member by a distribution (a redemption of channel BATCH). */
        GiftDistributed,
        GiftDistributionCreated, GiftDistributionMembersChanged, GiftDistributionDiscarded, GiftDistributionStarted,
        GiftDistributionFinished
    }

    /**
     * A gift after a change of what it is, whether it is listed, its stock or the pieces redeemed with points
     * ({@code redeemed}, cancelled ones not counted).
     */
    public record GiftChanged(UUID giftId, String store, @Nullable String group, GiftStatus status, String name,
            @Nullable String description, long pointsPrice, @Nullable Integer memberLimit, long stock, long redeemed,
            List<String> photos, Instant createdAt, long version) {

        static GiftChanged of(Gift g, String store, @Nullable String group) {
            return new GiftChanged(g.id(), store, group, g.status(), g.name(), g.description(), g.pointsPrice(),
                    g.memberLimit(), g.stock(), g.redeemed(), g.photos(), g.createdAt(), g.version());
        }
    }

    /**
     * A stock movement and the stock after it ({@code low}: at or below the gift's low-stock mark), and the gift after
     * it.
     */
    public record GiftStockMoved(UUID entryId, UUID giftId, String store, @Nullable String group, GiftStockKind kind,
            long delta, long stockAfter, boolean low, @Nullable UUID redemptionId, GiftChanged gift) {
    }

    /** A redemption after a step. */
    public record GiftRedemptionChanged(UUID redemptionId, UUID giftId, UUID memberId, String store,
            @Nullable String group, int quantity, long points, GiftRedemptionStatus status, String channel) {
    }

    /** A distribution after a step, with its counts so far. */
    public record GiftDistributionChanged(UUID distributionId, UUID giftId, String store, @Nullable String group,
            GiftDistributionStatus status, int quantity, long members, long given, long skipped, long version) {
    }

    private GiftEvents() {
    }
}
