package com.m4s.store.gift;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The gift warehouse's domain events, all on topic {@value #TOPIC}; ids, counts and points, no names or phones. */
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

    /** A gift after a change of what it is or whether it is listed. */
    public record GiftChanged(UUID giftId, String store, @Nullable String group, GiftStatus status, long pointsPrice,
            long stock, long version) {
    }

    /** A stock movement and the stock after it; {@code low}: at or below the gift's low-stock mark. */
    public record GiftStockMoved(UUID entryId, UUID giftId, String store, @Nullable String group, GiftStockKind kind,
            long delta, long stockAfter, boolean low, @Nullable UUID redemptionId) {
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
