package com.m4s.store.payment;

/**
 * Where a payment's online part is at Stripe (decision 0046), following the PaymentIntent: CREATED (recorded, Stripe
 * not reached yet) → REQUIRES_ACTION (the owner scans the QR code or goes to Alipay) → PROCESSING → SUCCEEDED, or
 * FAILED / CANCELED. The last three are final: news arriving later (a late {@code processing} after {@code
 * succeeded}, say) changes nothing.
 */
public enum OnlinePaymentStatus {
    CREATED, REQUIRES_ACTION, PROCESSING, SUCCEEDED, FAILED, CANCELED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED;
    }

    /** Whether news of {@code next} may move the part from here: never out of a final state, never backwards. */
    public boolean mayBecome(OnlinePaymentStatus next) {
        if (isFinal() || next == this) {
            return false;
        }
        return next.isFinal() || next.ordinal() > ordinal();
    }

    /** The status of a PaymentIntent's {@code status} text (requires_payment_method after a try means it failed). */
    static OnlinePaymentStatus ofIntent(String status, boolean triedAndFailed) {
        return switch (status) {
            case "succeeded" -> SUCCEEDED;
            case "processing" -> PROCESSING;
            case "canceled" -> CANCELED;
            case "requires_payment_method" -> triedAndFailed ? FAILED : REQUIRES_ACTION;
            default -> REQUIRES_ACTION; // requires_action, requires_confirmation, requires_capture
        };
    }
}
