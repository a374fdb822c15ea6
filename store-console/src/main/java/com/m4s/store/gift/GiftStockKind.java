package com.m4s.store.gift;

/** What a stock movement did; the database checks each kind's sign. */
public enum GiftStockKind {
    /** Stock received into the warehouse (restock). */
    RECEIVE,
    /** A correction after a count, up or down, with the reason. */
    ADJUST,
    /** Taken by a redemption. */
    REDEEM,
    /** Given free to a member by a batch distribution (its redemption of channel BATCH named). */
    DISTRIBUTE,
    /** Put back by a cancelled redemption. */
    REDEMPTION_CANCEL
}
