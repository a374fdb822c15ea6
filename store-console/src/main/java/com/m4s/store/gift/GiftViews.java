package com.m4s.store.gift;

import com.m4s.store.photo.PhotoViews;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the gift API answers. */
public final class GiftViews {

    /**
     * A gift as staff see it: what it is, its price, limits, status and stock; {@code low}: at or below its
     * low-stock mark; the redeemed counts and points exclude cancelled redemptions and gifts given by distributions
     * ({@code givenQuantity}, not cancelled); its photos in their order, with signed links.
     */
    public record GiftView(UUID id, String name, @Nullable String description, long pointsPrice,
            @Nullable Integer memberLimit, int lowStockAt, GiftStatus status, long stock, boolean low,
            long redeemedQuantity, long redeemedPoints, long redeemingMembers, long givenQuantity,
            List<PhotoViews.PhotoView> photos, Instant createdAt, long version) {
    }

    /**
     * A gift in the owners' catalogue: its first photo, the stock now and how many more the owner may redeem
     * ({@code null}: no limit), the pieces redeemed by members.
     */
    public record CatalogueGift(UUID id, String name, @Nullable String description, long pointsPrice, long stock,
            @Nullable Integer memberLimit, @Nullable Long mayRedeem, long redeemed,
            PhotoViews.@Nullable PhotoView photo) {
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

    /**
     * A batch distribution with its progress: members chosen, done (given or skipped), given, skipped and why; the
     * gift's stock now, to check before starting.
     */
    public record DistributionView(UUID id, UUID giftId, String giftName, long giftStock, String title, int quantity,
            GiftDistributionStatus status, String createdBy, Instant createdAt, @Nullable String startedBy,
            @Nullable Instant startedAt, @Nullable Instant finishedAt, long members, long done, long given,
            long skipped, long skippedOutOfStock, long skippedMemberLimit, long skippedGone, long version) {
    }

    /** A member of a distribution and what the job did for them (a deleted member: no name or phone). */
    public record DistributionMemberView(UUID memberId, @Nullable String memberName, @Nullable String memberPhone,
            String chosenBy, @Nullable String outcome, @Nullable String skipReason, @Nullable UUID redemptionId) {
    }

    /** A line of an uploaded list that matched nobody, with why in the caller's language. */
    public record DistributionUnmatchedLine(int rowNo, String value, String type, String reason) {
    }

    /** What an uploaded list added: its lines, members added, already in, the lines that matched nobody. */
    public record DistributionFileResult(int lines, int added, int alreadyIn, List<DistributionUnmatchedLine> unmatched,
            DistributionView distribution) {
    }

    /** What a segment added: the members it matched now, added, already in. */
    public record DistributionSegmentResult(UUID segmentId, String segmentName, int matched, int added, int alreadyIn,
            DistributionView distribution) {
    }

    /**
     * A member's gifts (cancelled redemptions not counted): redemptions, the quantity, the points spent, how many
     * different gifts, how many given free by distributions, the last one.
     */
    public record MemberStatsView(UUID memberId, String memberName, String memberPhone, long redemptions,
            long quantity, long points, long gifts, long givenQuantity, Instant lastAt) {
    }

    private GiftViews() {
    }
}
