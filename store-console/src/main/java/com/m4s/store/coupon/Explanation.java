package com.m4s.store.coupon;

import java.util.List;

/**
 * Why the best combination of a {@link Recommendation} is best, for {@code CouponExplanations} to put in words.
 *
 * @param best the best combination's coupon names, in application order
 * @param other the runner-up's coupon names (BETTER_THAN and TIE_*); empty otherwise
 * @param savingFen what the best combination saves
 * @param moreFen how much more it saves than the runner-up (BETTER_THAN); 0 otherwise
 */
public record Explanation(Code code, List<String> best, List<String> other, long savingFen, long moreFen) {

    public Explanation {
        best = List.copyOf(best);
        other = List.copyOf(other);
    }

    /** Which comparison the explanation makes. */
    public enum Code {
        /** No coupon applies to the basket. */
        NO_COUPON,
        /** The best is the only choice: every other combination is part of it. */
        ONLY,
        /** The best saves {@code moreFen} more than the runner-up. */
        BETTER_THAN,
        /** As much saved as the runner-up; the best earns a higher points multiplier. */
        TIE_MULTIPLIER,
        /** As much saved and the same multiplier; the best uses fewer coupons (the rest kept for later). */
        TIE_FEWER,
        /** As much saved with as many coupons; the best uses those that expire sooner. */
        TIE_SOONER_EXPIRY,
        /** Equal in every respect: either will do (the coupons' ids decided). */
        TIE_SAME
    }
}
