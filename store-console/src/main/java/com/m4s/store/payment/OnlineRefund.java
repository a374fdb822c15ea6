package com.m4s.store.payment;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Money on its way back through Stripe, sent once recorded and retried with the same idempotency key until Stripe has
 * it: the online part of a refund (recorded with the refund, whose split is final), or all of a payment's online part
 * that was paid after the payment had failed and given back what it held ({@link Reason#LATE_PAYMENT}, no refund of
 * ours behind it, once per payment).
 */
@Entity
@Table(name = "online_refund")
class OnlineRefund extends BaseEntity {

    /** PENDING until Stripe accepted it; SUCCEEDED; FAILED when Stripe refused it (people must look). */
    enum Status { PENDING, SUCCEEDED, FAILED }

    /** Why the money goes back: a refund of ours, or a payment made at Stripe after ours had failed. */
    enum Reason { REFUND, LATE_PAYMENT }

    @Column(name = "refund_id")
    private @Nullable UUID refundId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Reason reason;
    @Column(name = "payment_id")
    private UUID paymentId;
    @Column(name = "amount_fen")
    private long amountFen;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Column(name = "stripe_refund_id")
    private @Nullable String stripeRefundId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;
    @Column(name = "failure_message")
    private @Nullable String failureMessage;
    private int attempts;

    protected OnlineRefund() {
        // for JPA, which sets every field right after
        this.reason = Reason.REFUND;
        this.paymentId = new UUID(0, 0);
        this.idempotencyKey = "";
        this.status = Status.PENDING;
    }

    OnlineRefund(UUID refundId, UUID paymentId, long amountFen, String idempotencyKey, Instant now) {
        this(refundId, Reason.REFUND, paymentId, amountFen, idempotencyKey, now);
    }

    /** All of a payment's online part, paid at Stripe after the payment had failed: it goes back whole. */
    static OnlineRefund lateReturn(UUID paymentId, long amountFen, Instant now) {
        return new OnlineRefund(null, Reason.LATE_PAYMENT, paymentId, amountFen, "m4s-late-return-" + paymentId, now);
    }

    private OnlineRefund(@Nullable UUID refundId, Reason reason, UUID paymentId, long amountFen, String idempotencyKey,
            Instant now) {
        super(now);
        this.refundId = refundId;
        this.reason = reason;
        this.paymentId = paymentId;
        this.amountFen = amountFen;
        this.idempotencyKey = idempotencyKey;
        this.status = Status.PENDING;
    }

    void sent(String stripeRefundId, Instant now) {
        this.stripeRefundId = stripeRefundId;
        this.status = Status.SUCCEEDED;
        this.attempts++;
        touch(now);
    }

    void triedAndFailed(@Nullable String message, boolean refused, Instant now) {
        this.attempts++;
        this.failureMessage = message == null ? null : message.substring(0, Math.min(500, message.length()));
        if (refused) {
            this.status = Status.FAILED;
        }
        touch(now);
    }

    @Nullable UUID refundId() { return refundId; }
    Reason reason() { return reason; }
    UUID paymentId() { return paymentId; }
    long amountFen() { return amountFen; }
    String idempotencyKey() { return idempotencyKey; }
    Status status() { return status; }
    @Nullable String stripeRefundId() { return stripeRefundId; }
}
