package com.m4s.store.gift;

/** Whether owners see a gift in the catalogue and may redeem it. */
public enum GiftStatus {
    /** In the owners' catalogue; redeemable while in stock. */
    LISTED,
    /** Kept in the warehouse, out of the catalogue: not redeemable. */
    DELISTED
}
