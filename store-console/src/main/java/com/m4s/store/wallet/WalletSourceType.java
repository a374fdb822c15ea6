package com.m4s.store.wallet;

/** What a wallet entry was for. */
public enum WalletSourceType {
    /** A top-up taken at the desk. */
    DESK_TOP_UP,
    /** A repair order of the member (source id: the order; reference: its DMS number). */
    REPAIR_ORDER,
    /** A charge at the desk with its description (reference). */
    DESK_CHARGE,
    /** A cash-out (source id: the request). */
    CASH_OUT,
    /** A top-up the owner paid online in the app, and its refunds (source id: the payment). */
    ONLINE_TOP_UP,
    /** An order of the store's mall (source id: the order; reference: its number). */
    MALL_ORDER
}
