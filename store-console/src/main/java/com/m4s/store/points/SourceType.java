package com.m4s.store.points;

/** Where an entry comes from; with the entry's source id and reference it says why the points moved. */
public enum SourceType {
    /** A line of a repair order (source id: the line's id; reference: the DMS order number and line). */
    REPAIR_ORDER_LINE,
    /** A manual adjustment by staff (reference: none; the reason is on the entry). */
    STAFF_ADJUSTMENT,
    /** A redemption (reference: what was redeemed). */
    REDEMPTION,
    /** An automatic point task's reward (source id: the task's id; reference: the task's name). */
    POINT_TASK,
    /** A manual point campaign's grant (source id: the campaign's id; reference: the campaign's name). */
    POINT_CAMPAIGN,
    /** Expiry of what was left of a lot (source id: the lot's id; reference: its expiry date). */
    EXPIRY,
    /** Expired points restored by staff (source id: the expiry entry; reference: the expiry date). */
    EXPIRY_REVERSAL,
    /** A transfer between two members (source id: the transfer; reference: the other member, masked). */
    TRANSFER,
    /** A transfer reversed by staff (source id: the transfer; reference: the other member, masked). */
    TRANSFER_REVERSAL,
    /**
     * A payment (decision 0045): points spent on it, given back by its refund, or a multiplier coupon's extra points
     * (source id: the payment; reference: what it paid for).
     */
    PAYMENT,
    /** A gift redeemed with points, or its cancellation (source id: the redemption; reference: the gift's name). */
    GIFT_REDEMPTION
}
