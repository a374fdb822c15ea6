package com.m4s.store.gift;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the gift API answers. */
public final class GiftViews {

    /**
     * A gift as staff see it: what it is, its price, limits, status and stock; {@code low}: at or below its
     * low-stock mark; the redeemed counts and points exclude cancelled redemptions.
     */
    public record GiftView(UUID id, String name, @Nullable String description, long pointsPrice,
            @Nullable Integer memberLimit, int lowStockAt, GiftStatus status, long stock, boolean low,
            long redeemedQuantity, long redeemedPoints, long redeemingMembers, Instant createdAt, long version) {
    }

    /** A gift in the owners' catalogue, with how many more the owner may redeem ({@code null}: no limit). */
    public record CatalogueGift(UUID id, String name, @Nullable String description, long pointsPrice, long stock,
            @Nullable Integer memberLimit, @Nullable Long mayRedeem) {
    }

    /** A stock movement. */
    public record StockEntryView(UUID id, GiftStockKind kind, long delta, long stockAfter, @Nullable UUID redemptionId,
            @Nullable String reason, String createdBy, Instant createdAt) {
    }

    /** A redemption with its member and the moves allowed now. */
    public record RedemptionView(UUID id, UUID giftId, String giftName, UUID memberId, String memberName,
            String memberPhone, int quantity, long points, GiftRedemptionStatus status, String channel,
            @Nullable String handedOverBy, @Nullable Instant handedOverAt, @Nullable String cancelledBy,
            @Nullable Instant cancelledAt, @Nullable String cancelReason, String createdBy, Instant createdAt,
            List<GiftRedemptionStatus.Move> allowed, long version) {
    }

    private GiftViews() {
    }
}
