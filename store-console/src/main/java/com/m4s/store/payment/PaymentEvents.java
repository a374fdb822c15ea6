package com.m4s.store.payment;

import com.m4s.store.wallet.PaymentMethod;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Payments' domain events, all on topic {@value #TOPIC}: one per payment and one per refund, with the split, the feed
 * for analytics (WAL-4); ids and fen only, no names or phones.
 */
public final class PaymentEvents {

    public static final String TOPIC = "m4s.payment";

    /** Event types, past tense. */
    public enum Type {
        PaymentMade, PaymentConfirmed, PaymentRefunded,
        /** An online attempt failed, was cancelled or timed out; what it held was given back. */
        PaymentFailed,
        /** A chargeback was opened on a payment's online part. */
        PaymentDisputed,
        /** A failed payment's online part was paid at Stripe after all; the money is on its way back whole. */
        PaymentPaidLate
    }

    /** A payment as made or confirmed: what it paid for and how much of each means. */
    public record PaymentRecorded(UUID paymentId, String store, @Nullable String group, UUID memberId,
            PaymentSubjectType subjectType, @Nullable UUID subjectId, PaymentChannel channel, PaymentStatus status,
            long grossFen, long couponFen, long walletFen, long pointsUsed, long cashFen,
            @Nullable PaymentMethod cashMethod, long onlineFen, @Nullable OnlineMethod onlineMethod,
            List<UUID> memberCoupons, int pointsMultiplier, long bonusPoints,
            String takenBy) {
    }

    /** A refund and exactly what it gave back to each part. */
    public record PaymentRefundRecorded(UUID refundId, UUID paymentId, String store, @Nullable String group,
            UUID memberId, long amountFen, long cashFen, long walletFen, long pointsReturned, long onlineFen,
            long earnedPointsReversed, int couponsRestored, long refundedFen, PaymentStatus status) {
    }

    /** A chargeback opened on the online part of a payment. */
    public record PaymentDisputeOpened(UUID paymentId, String store, @Nullable String group, UUID memberId,
            String disputeId, long amountFen, @Nullable String reason) {
    }

    /** Money paid at Stripe for a payment that had failed (and given back what it held): it goes back whole. */
    public record PaymentPaidLateReturned(UUID paymentId, String store, @Nullable String group, UUID memberId,
            String intentId, long amountFen, OnlineMethod onlineMethod) {
    }

    private PaymentEvents() {
    }
}
