package com.m4s.store.payment;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The online part of a refund on its way back through Stripe: recorded with the refund (whose split is final), sent
 * once that is committed, and retried with the same idempotency key until Stripe has it.
 */
@Entity
@Table(name = "online_refund")
class OnlineRefund extends BaseEntity {

    /** PENDING until Stripe accepted it; SUCCEEDED; FAILED when Stripe refused it (people must look). */
    enum Status { PENDING, SUCCEEDED, FAILED }

    @Column(name = "refund_id")
    private UUID refundId;
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
        this.refundId = new UUID(0, 0);
        this.paymentId = new UUID(0, 0);
        this.idempotencyKey = "";
        this.status = Status.PENDING;
    }

    OnlineRefund(UUID refundId, UUID paymentId, long amountFen, String idempotencyKey, Instant now) {
        super(now);
        this.refundId = refundId;
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

    UUID refundId() { return refundId; }
    UUID paymentId() { return paymentId; }
    long amountFen() { return amountFen; }
    String idempotencyKey() { return idempotencyKey; }
    Status status() { return status; }
    @Nullable String stripeRefundId() { return stripeRefundId; }
}
