package com.m4s.store.payment;

import com.m4s.platform.audit.Redacted;
import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Stripe side of a payment's online part: the PaymentIntent on the dealer group's connected account, created with
 * our idempotency key, where it is, and what the owner must do (scan a QR code, go to Alipay).
 */
@Entity
@Table(name = "online_payment")
class OnlinePayment extends BaseEntity {

    @Column(name = "payment_id")
    private UUID paymentId;
    @Enumerated(EnumType.STRING)
    private OnlineMethod method;
    @Column(name = "amount_fen")
    private long amountFen;
    private String account;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Column(name = "intent_id")
    private @Nullable String intentId;
    @Enumerated(EnumType.STRING)
    private OnlinePaymentStatus status;
    @Column(name = "return_url")
    private @Nullable String returnUrl;
    @Column(name = "action_type")
    private @Nullable String actionType;
    @Column(name = "qr_data")
    private @Nullable String qrData;
    @Column(name = "qr_image")
    private @Nullable String qrImage;
    @Column(name = "redirect_url")
    private @Nullable String redirectUrl;
    @Column(name = "failure_code")
    private @Nullable String failureCode;
    @Column(name = "failure_message")
    private @Nullable String failureMessage;
    /** What lets a browser confirm the intent: the owner's alone, never shown in the audit trail. */
    @Redacted
    @Column(name = "client_secret")
    private @Nullable String clientSecret;
    @Column(name = "charge_id")
    private @Nullable String chargeId;
    @Column(name = "check_at")
    private @Nullable Instant checkAt;
    @Column(name = "settled_at")
    private @Nullable Instant settledAt;

    protected OnlinePayment() {
        // for JPA, which sets every field right after
        this.paymentId = new UUID(0, 0);
        this.method = OnlineMethod.WECHAT_PAY;
        this.account = "";
        this.idempotencyKey = "";
        this.status = OnlinePaymentStatus.CREATED;
    }

    OnlinePayment(UUID paymentId, OnlineMethod method, long amountFen, String account, @Nullable String returnUrl,
            Instant checkAt, Instant now) {
        super(now);
        this.paymentId = paymentId;
        this.method = method;
        this.amountFen = amountFen;
        this.account = account;
        this.idempotencyKey = "m4s-payment-" + paymentId;
        this.status = OnlinePaymentStatus.CREATED;
        this.returnUrl = returnUrl;
        this.checkAt = checkAt;
    }

    /** What Stripe answered about the intent: its id, where it is, what the owner must do. */
    record Intent(String id, OnlinePaymentStatus status, @Nullable String actionType, @Nullable String qrData,
            @Nullable String qrImage, @Nullable String redirectUrl, @Nullable String chargeId,
            @Nullable String failureCode, @Nullable String failureMessage, @Nullable String clientSecret) {
    }

    /**
     * Takes in what Stripe says; true when the part moved. A final state stays; an older state never replaces a
     * newer one. The intent id is kept from the first answer.
     */
    boolean learn(Intent intent, Instant now) {
        if (intentId == null && !intent.id().isBlank()) {
            intentId = intent.id();
        }
        if (clientSecret == null && intent.clientSecret() != null) {
            clientSecret = intent.clientSecret();
        }
        if (intent.actionType() != null && actionType == null) {
            actionType = intent.actionType();
            qrData = intent.qrData();
            qrImage = intent.qrImage();
            redirectUrl = intent.redirectUrl();
        }
        boolean moved = status == OnlinePaymentStatus.CREATED ? intent.status() != OnlinePaymentStatus.CREATED
                : status.mayBecome(intent.status());
        if (moved) {
            status = intent.status();
            if (intent.chargeId() != null) {
                chargeId = intent.chargeId();
            }
            if (status == OnlinePaymentStatus.FAILED) {
                failureCode = intent.failureCode();
                failureMessage = intent.failureMessage() == null ? null
                        : intent.failureMessage().substring(0, Math.min(500, intent.failureMessage().length()));
            }
            if (status.isFinal()) {
                settledAt = now;
                // a failed intent stays payable at Stripe: the janitor closes it there at once (checkAt now)
                checkAt = status == OnlinePaymentStatus.FAILED && intentId != null ? now : null;
            }
        }
        touch(now);
        return moved;
    }

    /** Whether the part failed and its intent is still to be cancelled at Stripe, so nobody can pay it later. */
    boolean awaitsClosing() {
        return status == OnlinePaymentStatus.FAILED && checkAt != null && intentId != null;
    }

    /** The failed part's intent is cancelled at Stripe (or was paid and goes back): nothing more to ask. */
    void closedAtStripe(Instant now) {
        checkAt = null;
        touch(now);
    }

    /** Ends a part that never reached Stripe, or timed out and was cancelled there. */
    void cancelled(@Nullable String reason, Instant now) {
        if (!status.isFinal()) {
            status = OnlinePaymentStatus.CANCELED;
            failureMessage = reason;
            settledAt = now;
            checkAt = null;
            touch(now);
        }
    }

    void checkAgainAt(Instant when, Instant now) {
        checkAt = when;
        touch(now);
    }

    UUID paymentId() { return paymentId; }
    OnlineMethod method() { return method; }
    long amountFen() { return amountFen; }
    String account() { return account; }
    String idempotencyKey() { return idempotencyKey; }
    @Nullable String intentId() { return intentId; }
    OnlinePaymentStatus status() { return status; }
    @Nullable String returnUrl() { return returnUrl; }
    @Nullable String chargeId() { return chargeId; }
    @Nullable String clientSecret() { return clientSecret; }
}
