package com.m4s.store.coupon;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the checkout proposes (decision 0044): the best combination of the member's coupons, the best one that is not
 * part of it, why each other coupon is not used, and the explanation that compares the two.
 *
 * @param best the best combination; {@link Combination#NONE} when no coupon applies
 * @param runnerUp the best combination that is not a subset of {@code best}; null when there is none
 * @param notUsed each held coupon not in {@code best}, in the order they were held
 */
public record Recommendation(Combination best, @Nullable Combination runnerUp, List<NotUsed> notUsed,
        Explanation explanation) {

    public Recommendation {
        notUsed = List.copyOf(notUsed);
    }
}
