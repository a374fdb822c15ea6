package com.m4s.store.payment;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** A refund of (part of) a payment and exactly what it gave back to each part; never changed. */
@Entity
@Immutable
@Table(name = "payment_refund")
class PaymentRefund extends BaseEntity {

    @Column(name = "payment_id")
    private UUID paymentId;
    @Column(name = "amount_fen")
    private long amountFen;
    @Column(name = "cash_fen")
    private long cashFen;
    @Column(name = "wallet_fen")
    private long walletFen;
    @Column(name = "wallet_entry_id")
    private @Nullable UUID walletEntryId;
    @Column(name = "points_returned")
    private long pointsReturned;
    @Column(name = "points_entry_id")
    private @Nullable UUID pointsEntryId;
    @Column(name = "online_fen")
    private long onlineFen;
    @Column(name = "earned_points_reversed")
    private long earnedPointsReversed;
    @Column(name = "coupons_restored")
    private int couponsRestored;
    private String reason;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "business_date")
    private LocalDate businessDate;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Column(name = "request_hash")
    private String requestHash;

    protected PaymentRefund() {
        // for JPA, which sets every field right after
        this.paymentId = new UUID(0, 0);
        this.reason = "";
        this.createdBy = "";
        this.businessDate = LocalDate.EPOCH;
        this.idempotencyKey = "";
        this.requestHash = "";
    }

    /** What a refund gave back. */
    record Given(long amountFen, long cashFen, long walletFen, @Nullable UUID walletEntryId, long pointsReturned,
            @Nullable UUID pointsEntryId, long onlineFen, long earnedPointsReversed, int couponsRestored) {
    }

    PaymentRefund(UUID paymentId, Given given, String reason, String createdBy, LocalDate businessDate,
            String idempotencyKey, String requestHash, Instant now) {
        super(now);
        this.paymentId = paymentId;
        this.amountFen = given.amountFen();
        this.cashFen = given.cashFen();
        this.walletFen = given.walletFen();
        this.walletEntryId = given.walletEntryId();
        this.pointsReturned = given.pointsReturned();
        this.pointsEntryId = given.pointsEntryId();
        this.onlineFen = given.onlineFen();
        this.earnedPointsReversed = given.earnedPointsReversed();
        this.couponsRestored = given.couponsRestored();
        this.reason = reason;
        this.createdBy = createdBy;
        this.businessDate = businessDate;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
    }

    UUID paymentId() { return paymentId; }
    long amountFen() { return amountFen; }
    long cashFen() { return cashFen; }
    long onlineFen() { return onlineFen; }
    long walletFen() { return walletFen; }
    long pointsReturned() { return pointsReturned; }
    String requestHash() { return requestHash; }
}
