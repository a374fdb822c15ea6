package com.m4s.store.mall;

/** What moved a SKU's stock; the database fixes the sign of each. */
public enum ProductStockKind {
    /** Stock received from a supplier (+). */
    RECEIVE,
    /** A correction after a count, up or down, with its reason. */
    ADJUST
}
