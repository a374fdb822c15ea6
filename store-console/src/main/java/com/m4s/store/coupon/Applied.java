package com.m4s.store.coupon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One coupon of a {@link Combination}.
 *
 * @param discountFen what it took off (0 for a points multiplier)
 * @param byLine how much of each basket line (by line id, in basket order) it took; lines it took nothing from
 *         are absent; the values sum to {@code discountFen}. A payment splits a refund with it.
 */
public record Applied(CouponOffer offer, long discountFen, Map<String, Long> byLine) {

    public Applied {
        byLine = Collections.unmodifiableMap(new LinkedHashMap<>(byLine));
    }
}
