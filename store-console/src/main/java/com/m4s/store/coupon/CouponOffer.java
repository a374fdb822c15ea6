package com.m4s.store.coupon;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A coupon a member holds, with its template's rules as they were when it was issued: what the optimiser reasons
 * about (decision 0044).
 *
 * @param memberCouponId the coupon (one use)
 * @param templateId its template: at most one coupon of a template per order
 * @param name the template's name as the member sees it (满300减50)
 * @param scopeCodes categories (MALL_CATEGORIES) or item codes (ITEMS); empty otherwise
 * @param valueFen the amount off (CASH, THRESHOLD); 0 otherwise
 * @param thresholdFen the eligible lines' list-price total needed (THRESHOLD; any kind may set one); 0 for none
 * @param percentOff percent off (PERCENT), 1–99; 0 otherwise
 * @param capFen the most a PERCENT or FREE_ITEM coupon takes off; null for no cap
 * @param pointsMultiplier 2 or more (POINTS_MULTIPLIER); 1 otherwise
 * @param stackGroup coupons of one group may be combined; null: used alone
 * @param validFrom first day it may be used (store's calendar)
 * @param validUntil last day it may be used, inclusive
 */
public record CouponOffer(UUID memberCouponId, UUID templateId, String name, CouponKind kind, CouponScope scope,
        Set<String> scopeCodes, long valueFen, long thresholdFen, int percentOff, @Nullable Long capFen,
        int pointsMultiplier, @Nullable String stackGroup, LocalDate validFrom, LocalDate validUntil) {

    public CouponOffer {
        scopeCodes = Set.copyOf(scopeCodes);
    }
}
