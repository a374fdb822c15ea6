package com.m4s.store.coupon;

/** Which lines of a basket a coupon applies to (decision 0044). */
public enum CouponScope {
    /** Every line: an order-level coupon, applied after the item-level ones. */
    ORDER,
    /** Labour lines (工时). */
    LABOUR,
    /** Part lines (配件). */
    PARTS,
    /** Mall items of the listed categories ({@code scopeCodes}). */
    MALL_CATEGORIES,
    /** Lines whose item code (part number, labour code, mall SKU) is listed ({@code scopeCodes}). */
    ITEMS
}
