package com.m4s.store.gift;

/** What a stock movement did; the database checks each kind's sign. */
public enum GiftStockKind {
    /** Stock received into the warehouse (restock). */
    RECEIVE,
    /** A correction after a count, up or down, with the reason. */
    ADJUST,
    /** Taken by a redemption. */
    REDEEM,
    /** Put back by a cancelled redemption. */
    REDEMPTION_CANCEL
}
