package com.m4s.store.mall;

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
 * An owner's order of the store's mall (MALL-2, decision 0051): its number, what it costs, how it reaches the owner,
 * its payment, the pick-up code the owner shows at the desk, and each step's time. Its lines keep what was bought at
 * which price; its stock moves are entries of the stock ledger naming it.
 */
@Entity
@Table(name = "mall_order")
class MallOrder extends KeyedEntity {

    private String number;
    @Column(name = "member_id")
    private UUID memberId;
    @Enumerated(EnumType.STRING)
    private MallOrderStatus status;
    @Enumerated(EnumType.STRING)
    private Fulfilment fulfilment;
    @Column(name = "gross_fen")
    private long grossFen;
    @Column(name = "payment_id")
    private @Nullable UUID paymentId;
    @Column(name = "pickup_code")
    private String pickupCode;
    private @Nullable String note;
    @Column(name = "installation_at")
    private @Nullable Instant installationAt;
    @Column(name = "repair_order_number")
    private @Nullable String repairOrderNumber;
    @Column(name = "paid_at")
    private @Nullable Instant paidAt;
    @Column(name = "ready_at")
    private @Nullable Instant readyAt;
    @Column(name = "completed_at")
    private @Nullable Instant completedAt;
    @Column(name = "completed_by")
    private @Nullable String completedBy;
    @Column(name = "cancelled_at")
    private @Nullable Instant cancelledAt;
    @Column(name = "cancel_reason")
    private @Nullable String cancelReason;
    @Column(name = "refunded_fen")
    private long refundedFen;

    protected MallOrder() {
        // for JPA, which sets every field right after
        this.number = "";
        this.memberId = new UUID(0, 0);
        this.status = MallOrderStatus.PENDING_PAYMENT;
        this.fulfilment = Fulfilment.PICKUP;
        this.pickupCode = "";
    }

    MallOrder(String number, UUID memberId, Fulfilment fulfilment, long grossFen, String pickupCode,
            @Nullable String note, String key, String hash, String createdBy, Instant now) {
        super(key, hash, createdBy, now);
        this.number = number;
        this.memberId = memberId;
        this.status = MallOrderStatus.PENDING_PAYMENT;
        this.fulfilment = fulfilment;
        this.grossFen = grossFen;
        this.pickupCode = pickupCode;
        this.note = note;
    }

    /** What the order costs at the prices its reservation sold at. */
    void priced(long grossFen) {
        this.grossFen = grossFen;
    }

    void paidBy(UUID payment) {
        this.paymentId = payment;
    }

    /** False when the move does not apply now (an old or repeated event); a refused move by staff is a 409. */
    boolean can(MallOrderStatus.Move move) {
        return status.allows(move);
    }

    private void require(MallOrderStatus.Move move) {
        if (!status.allows(move)) {
            throw new ApiException.Conflict("mall-order-move-not-allowed", number, move.name(), status.name());
        }
    }

    void pay(Instant now) {
        require(MallOrderStatus.Move.PAY);
        status = MallOrderStatus.PAID;
        paidAt = now;
        touch(now);
    }

    void ready(Instant now) {
        require(MallOrderStatus.Move.READY);
        if (fulfilment != Fulfilment.PICKUP) {
            throw new ApiException.Conflict("mall-order-move-not-allowed", number, "READY", status.name());
        }
        status = MallOrderStatus.READY_FOR_PICKUP;
        readyAt = now;
        touch(now);
    }

    void schedule(Instant at, @Nullable String repairOrder, Instant now) {
        require(MallOrderStatus.Move.SCHEDULE);
        if (fulfilment != Fulfilment.INSTALLATION) {
            throw new ApiException.Conflict("mall-order-move-not-allowed", number, "SCHEDULE", status.name());
        }
        status = MallOrderStatus.SCHEDULED_FOR_INSTALLATION;
        installationAt = at;
        repairOrderNumber = repairOrder;
        touch(now);
    }

    void complete(String by, Instant now) {
        require(MallOrderStatus.Move.COMPLETE);
        status = MallOrderStatus.COMPLETED;
        completedAt = now;
        completedBy = by;
        touch(now);
    }

    void cancel(String reason, Instant now) {
        require(MallOrderStatus.Move.CANCEL);
        status = MallOrderStatus.CANCELLED;
        cancelledAt = now;
        cancelReason = reason;
        touch(now);
    }

    /** A refund of its payment; {@code whole}: everything paid is back. */
    void refunded(long refundedFen, boolean whole, Instant now) {
        require(MallOrderStatus.Move.REFUND);
        this.refundedFen = refundedFen;
        status = whole ? MallOrderStatus.REFUNDED : MallOrderStatus.PARTIALLY_REFUNDED;
        touch(now);
    }

    String number() { return number; }
    UUID memberId() { return memberId; }
    MallOrderStatus status() { return status; }
    Fulfilment fulfilment() { return fulfilment; }
    long grossFen() { return grossFen; }
    @Nullable UUID paymentId() { return paymentId; }
    String pickupCode() { return pickupCode; }
    long refundedFen() { return refundedFen; }
}
