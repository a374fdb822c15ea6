package com.m4s.store.coupon;

import org.jspecify.annotations.Nullable;

/**
 * A coupon the best combination of a {@link Recommendation} does not use, and why.
 *
 * @param missingFen how much more of the eligible lines' list price is needed (THRESHOLD_NOT_MET); 0 otherwise
 * @param conflictsWith the best combination's coupons it cannot be used with, names joined by " + "
 *         (NOT_COMBINABLE); null otherwise
 */
public record NotUsed(CouponOffer offer, Reason reason, long missingFen, @Nullable String conflictsWith) {

    /** Why a coupon is not used, in the order they are checked. */
    public enum Reason {
        /** Its last day has passed. */
        EXPIRED,
        /** Its first day has not come. */
        NOT_YET_VALID,
        /** Nothing in the basket it applies to (or the eligible lines cost nothing). */
        NOT_APPLICABLE,
        /** The eligible lines' list price is below its threshold, by {@code missingFen}. */
        THRESHOLD_NOT_MET,
        /** It cannot be combined with the best combination's coupons ({@code conflictsWith}). */
        NOT_COMBINABLE,
        /** It could join, but the best combination saves more (or as much) without it. */
        SAVES_LESS
    }
}
