package com.m4s.store.payment;

/** What a payment paid for. */
public enum PaymentSubjectType {
    /** A repair order settled in the DMS (subject id: the order; reference: its DMS number). */
    REPAIR_ORDER,
    /** A charge at the desk (reference: what for). */
    DESK_CHARGE,
    /** Money put into the owner's wallet, paid whole online in the app (no subject row; the wallet's top-up entry names the payment). */
    WALLET_TOP_UP,
    /** An order of the store's mall (subject id: the order; reference: its number; decision 0051). */
    MALL_ORDER
}
