package com.m4s.store.mall;

/** What moved a SKU's stock; the database fixes the sign of each. */
public enum ProductStockKind {
    /** Stock received from a supplier (+). */
    RECEIVE,
    /** A correction after a count, up or down, with its reason. */
    ADJUST,
    /** Taken for an order when it is placed (−): the order's sale once it is paid. */
    RESERVE,
    /** Given back when an order is cancelled or its payment fails or times out (+). */
    RELEASE,
    /** Back on the shelf when an order is refunded whole (+). */
    RETURN
}
