package com.m4s.store.coupon;

/** What a coupon gives (decision 0044). */
public enum CouponKind {
    /** 代金券: a fixed amount off ({@code valueFen}), no threshold. */
    CASH,
    /** 满减券: a fixed amount off ({@code valueFen}) when the eligible lines reach {@code thresholdFen} (list price). */
    THRESHOLD,
    /** 折扣券: {@code percentOff} percent off the eligible lines (20 = 8折), at most {@code capFen} when set. */
    PERCENT,
    /** 免费项目券: one eligible line free (the dearest), at most {@code capFen} when set; scope ITEMS names it. */
    FREE_ITEM,
    /** 积分倍数券: the paid order earns {@code pointsMultiplier} times its points; takes no money off. */
    POINTS_MULTIPLIER
}
