package com.m4s.store.coupon;

import java.util.List;
import java.util.UUID;

/**
 * Coupons applied to a basket in the order of decision 0044, with what each took off.
 *
 * @param applied the coupons in the order they were applied (item-level first, then order-level)
 * @param savingFen what they take off together
 * @param pointsMultiplier the multiplier the paid order earns its points with; 1 without a multiplier coupon
 */
public record Combination(List<Applied> applied, long savingFen, int pointsMultiplier) {

    /** No coupon: nothing off, points earned once. */
    public static final Combination NONE = new Combination(List.of(), 0, 1);

    public Combination {
        applied = List.copyOf(applied);
    }

    public boolean isEmpty() {
        return applied.isEmpty();
    }

    /** The coupons' ids, in the order they were applied. */
    public List<UUID> couponIds() {
        return applied.stream().map(a -> a.offer().memberCouponId()).toList();
    }

    /** The coupons' names, in the order they were applied. */
    public List<String> names() {
        return applied.stream().map(a -> a.offer().name()).toList();
    }
}
