package com.m4s.store.mall;

/** Whether owners see a product in the mall. */
public enum ProductStatus {
    /** In the mall: found by search, shown on the home page when hot or recommended, bought while in stock. */
    LISTED,
    /** Kept in the catalogue, out of the mall: neither found nor bought. */
    DELISTED
}
