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
    RETURN;

    /**
     * The units a movement of this kind sells (decision 0051: the reservation is the sale): a RESERVE of −n sells n,
     * a RELEASE or RETURN of +n takes n back; receipts and counts sell nothing.
     */
    long unitsSold(long delta) {
        return switch (this) {
            case RESERVE, RELEASE, RETURN -> -delta;
            case RECEIVE, ADJUST -> 0;
        };
    }
}
