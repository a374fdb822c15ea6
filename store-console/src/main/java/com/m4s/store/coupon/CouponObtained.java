package com.m4s.store.coupon;

/** How a member came to hold a coupon. */
public enum CouponObtained {
    /** Staff issued it (to the member, or to a segment the member was in). */
    ISSUED,
    /** The owner claimed it in the app's claim centre (领券中心). */
    CLAIMED
}
