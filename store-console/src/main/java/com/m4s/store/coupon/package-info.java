/**
 * E-coupons (电子优惠券, WAL-2), decision 0044: templates with their rules (cash off, threshold 满减, percentage off
 * with a cap, a free item, a points multiplier; validity; usage limits; what they apply to; stacking groups), coupons
 * issued to members or claimed from the owner app, used at checkout and expired on the store's clock; and the
 * checkout's optimiser ({@link com.m4s.store.coupon.CouponOptimiser}), which finds the best combination of a member's
 * coupons for a basket and says why.
 */
@NullMarked
package com.m4s.store.coupon;

import org.jspecify.annotations.NullMarked;
