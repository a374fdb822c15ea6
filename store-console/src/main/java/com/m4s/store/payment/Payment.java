package com.m4s.store.payment;

import com.m4s.platform.entity.BaseEntity;
import com.m4s.platform.web.ApiException;
import com.m4s.store.wallet.PaymentMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A payment and its split (the consumption record): what it paid for, through which channel, how much each means
 * paid, who took it, its confirmation and what has been refunded of it. The parts always add up to the total and a
 * refund never exceeds what was paid (the database checks both).
 */
@Entity
@Table(name = "payment")
class Payment extends BaseEntity {

    @Column(name = "member_id")
    private UUID memberId;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    private PaymentSubjectType subjectType;
    @Column(name = "subject_id")
    private @Nullable UUID subjectId;
    @Column(name = "subject_ref")
    private String subjectRef;
    @Enumerated(EnumType.STRING)
    private PaymentChannel channel;
    @Enumerated(EnumType.STRING)
    private PaymentStatus status;
    @Column(name = "gross_fen")
    private long grossFen;
    @Column(name = "coupon_fen")
    private long couponFen;
    @Column(name = "wallet_fen")
    private long walletFen;
    @Column(name = "wallet_entry_id")
    private @Nullable UUID walletEntryId;
    @Column(name = "points_used")
    private long pointsUsed;
    @Column(name = "points_entry_id")
    private @Nullable UUID pointsEntryId;
    @Column(name = "cash_fen")
    private long cashFen;
    @Enumerated(EnumType.STRING)
    @Column(name = "cash_method")
    private @Nullable PaymentMethod cashMethod;
    @Column(name = "online_fen")
    private long onlineFen;
    @Enumerated(EnumType.STRING)
    @Column(name = "online_method")
    private @Nullable OnlineMethod onlineMethod;
    private boolean disputed;
    @Column(name = "points_multiplier")
    private int pointsMultiplier;
    @Column(name = "bonus_points")
    private long bonusPoints;
    @Column(name = "refunded_fen")
    private long refundedFen;
    @Column(name = "taken_by")
    private String takenBy;
    @Column(name = "confirmed_by")
    private @Nullable String confirmedBy;
    @Column(name = "confirmed_at")
    private @Nullable Instant confirmedAt;
    @Column(name = "business_date")
    private LocalDate businessDate;
    private @Nullable String note;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Column(name = "request_hash")
    private String requestHash;

    protected Payment() {
        // for JPA, which sets every field right after
        this.memberId = new UUID(0, 0);
        this.subjectType = PaymentSubjectType.DESK_CHARGE;
        this.subjectRef = "";
        this.channel = PaymentChannel.DESK;
        this.status = PaymentStatus.CONFIRMED;
        this.takenBy = "";
        this.businessDate = LocalDate.EPOCH;
        this.idempotencyKey = "";
        this.requestHash = "";
    }

    /** What the checkout worked out, before the ledgers are debited (their entries are set after). */
    record Made(UUID memberId, PaymentSubjectType subjectType, @Nullable UUID subjectId, String subjectRef,
            PaymentChannel channel, long grossFen, long couponFen, long walletFen, long pointsUsed, long cashFen,
            @Nullable PaymentMethod cashMethod, long onlineFen, @Nullable OnlineMethod onlineMethod,
            int pointsMultiplier, boolean confirmed, String takenBy, LocalDate businessDate, @Nullable String note) {
    }

    Payment(Made made, String idempotencyKey, String requestHash, Instant now) {
        super(now);
        this.memberId = made.memberId();
        this.subjectType = made.subjectType();
        this.subjectId = made.subjectId();
        this.subjectRef = made.subjectRef();
        this.channel = made.channel();
        boolean online = made.onlineFen() > 0;
        this.status = online ? PaymentStatus.AWAITING_ONLINE
                : made.confirmed() ? PaymentStatus.CONFIRMED : PaymentStatus.PENDING_CONFIRMATION;
        this.grossFen = made.grossFen();
        this.couponFen = made.couponFen();
        this.walletFen = made.walletFen();
        this.pointsUsed = made.pointsUsed();
        this.cashFen = made.cashFen();
        this.cashMethod = made.cashMethod();
        this.onlineFen = made.onlineFen();
        this.onlineMethod = online ? made.onlineMethod() : null;
        this.pointsMultiplier = made.pointsMultiplier();
        this.takenBy = made.takenBy();
        this.businessDate = made.businessDate();
        this.note = made.note();
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        if (made.confirmed() && !online) {
            this.confirmedBy = made.takenBy();
            this.confirmedAt = now;
        }
    }

    void debited(@Nullable UUID walletEntry, @Nullable UUID pointsEntry, long bonus) {
        this.walletEntryId = walletEntry;
        this.pointsEntryId = pointsEntry;
        this.bonusPoints = bonus;
    }

    void confirm(String by, Instant now) {
        require(PaymentStatus.Move.CONFIRM);
        status = PaymentStatus.CONFIRMED;
        confirmedBy = by;
        confirmedAt = now;
        touch(now);
    }

    /** Stripe says the online part was paid: the payment is made. */
    void succeeded(Instant now) {
        require(PaymentStatus.Move.SUCCEED);
        status = PaymentStatus.CONFIRMED;
        confirmedBy = takenBy;
        confirmedAt = now;
        touch(now);
    }

    /** The online part failed, was cancelled or timed out; the caller gives back what was held. */
    void failed(Instant now) {
        require(PaymentStatus.Move.FAIL);
        status = PaymentStatus.FAILED;
        touch(now);
    }

    /** A chargeback was opened on the online part; true the first time. */
    boolean disputed(Instant now) {
        if (disputed) {
            return false;
        }
        disputed = true;
        touch(now);
        return true;
    }

    void refunded(long amount, Instant now) {
        require(PaymentStatus.Move.REFUND);
        refundedFen += amount;
        status = refundedFen == paidFen() ? PaymentStatus.REFUNDED : PaymentStatus.PARTLY_REFUNDED;
        touch(now);
    }

    private void require(PaymentStatus.Move move) {
        if (!status.allows(move)) {
            throw new ApiException.Conflict("payment-move-not-allowed", move.name(), status.name());
        }
    }

    /** What the member paid with money and points (coupons are not money paid): what refunds may return. */
    long paidFen() {
        return walletFen + pointsUsed + cashFen + onlineFen;
    }

    UUID memberId() { return memberId; }
    PaymentSubjectType subjectType() { return subjectType; }
    @Nullable UUID subjectId() { return subjectId; }
    String subjectRef() { return subjectRef; }
    PaymentChannel channel() { return channel; }
    PaymentStatus status() { return status; }
    long grossFen() { return grossFen; }
    long couponFen() { return couponFen; }
    long walletFen() { return walletFen; }
    @Nullable UUID walletEntryId() { return walletEntryId; }
    long pointsUsed() { return pointsUsed; }
    long cashFen() { return cashFen; }
    @Nullable PaymentMethod cashMethod() { return cashMethod; }
    long onlineFen() { return onlineFen; }
    @Nullable OnlineMethod onlineMethod() { return onlineMethod; }
    boolean isDisputed() { return disputed; }
    int pointsMultiplier() { return pointsMultiplier; }
    long bonusPoints() { return bonusPoints; }
    long refundedFen() { return refundedFen; }
    String takenBy() { return takenBy; }
    String requestHash() { return requestHash; }
}
