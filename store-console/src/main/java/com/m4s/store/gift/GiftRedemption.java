package com.m4s.store.gift;

import com.m4s.platform.entity.KeyedEntity;
import com.m4s.platform.web.ApiException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member's redemption of a gift: how many, the points paid (and the points entry that paid them), from the app or
 * the desk, and where it is (REDEEMED → HANDED_OVER, or CANCELLED with the points and stock given back).
 */
@Entity
@Table(name = "gift_redemption")
class GiftRedemption extends KeyedEntity {

    @Column(name = "gift_id")
    private UUID giftId;
    @Column(name = "gift_name")
    private String giftName;
    @Column(name = "member_id")
    private UUID memberId;
    private int quantity;
    private long points;
    @Enumerated(EnumType.STRING)
    private GiftRedemptionStatus status;
    @Enumerated(EnumType.STRING)
    private GiftChannel channel;
    /** The points entry that paid it; none for a gift given by a distribution. */
    @Column(name = "points_entry_id")
    private @Nullable UUID pointsEntryId;
    /** The distribution that gave it (channel BATCH), else null. */
    @Column(name = "distribution_id")
    private @Nullable UUID distributionId;
    @Column(name = "return_entry_id")
    private @Nullable UUID returnEntryId;
    @Column(name = "handed_over_by")
    private @Nullable String handedOverBy;
    @Column(name = "handed_over_at")
    private @Nullable Instant handedOverAt;
    @Column(name = "cancelled_by")
    private @Nullable String cancelledBy;
    @Column(name = "cancelled_at")
    private @Nullable Instant cancelledAt;
    @Column(name = "cancel_reason")
    private @Nullable String cancelReason;

    protected GiftRedemption() {
        // for JPA, which sets every field right after
        this.giftId = new UUID(0, 0);
        this.giftName = "";
        this.memberId = new UUID(0, 0);
        this.status = GiftRedemptionStatus.REDEEMED;
        this.channel = GiftChannel.APP;
    }

    GiftRedemption(Gift gift, UUID memberId, int quantity, GiftChannel channel, String idempotencyKey,
            String requestHash, String createdBy, Instant now) {
        super(idempotencyKey, requestHash, createdBy, now);
        this.giftId = gift.id();
        this.giftName = gift.name();
        this.memberId = memberId;
        this.quantity = quantity;
        this.points = gift.pointsPrice() * quantity;
        this.status = GiftRedemptionStatus.REDEEMED;
        this.channel = channel;
    }

    /** A gift given free by a distribution: channel BATCH, no points. */
    static GiftRedemption given(Gift gift, UUID memberId, int quantity, UUID distributionId, String idempotencyKey,
            String requestHash, String createdBy, Instant now) {
        GiftRedemption given = new GiftRedemption(gift, memberId, quantity, GiftChannel.BATCH, idempotencyKey,
                requestHash, createdBy, now);
        given.points = 0;
        given.distributionId = distributionId;
        return given;
    }

    /** The points entry that paid it (posted with the redemption's id as its source). */
    void paidBy(UUID pointsEntry) {
        this.pointsEntryId = pointsEntry;
    }

    void handOver(String by, Instant now) {
        require(GiftRedemptionStatus.Move.HAND_OVER);
        status = GiftRedemptionStatus.HANDED_OVER;
        handedOverBy = by;
        handedOverAt = now;
        touch(now);
    }

    /** Cancels it; {@code returnEntry}: the points entry that gave the points back (none for a free gift). */
    void cancel(@Nullable UUID returnEntry, String reason, String by, Instant now) {
        require(GiftRedemptionStatus.Move.CANCEL);
        status = GiftRedemptionStatus.CANCELLED;
        returnEntryId = returnEntry;
        cancelReason = reason;
        cancelledBy = by;
        cancelledAt = now;
        touch(now);
    }

    private void require(GiftRedemptionStatus.Move move) {
        if (!status.allows(move)) {
            throw new ApiException.Conflict("gift-redemption-move-not-allowed", move.name(), status.name());
        }
    }

    UUID giftId() { return giftId; }
    String giftName() { return giftName; }
    UUID memberId() { return memberId; }
    int quantity() { return quantity; }
    long points() { return points; }
    GiftRedemptionStatus status() { return status; }
    GiftChannel channel() { return channel; }
    @Nullable UUID distributionId() { return distributionId; }
}
