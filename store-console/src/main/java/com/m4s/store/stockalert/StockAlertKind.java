package com.m4s.store.stockalert;

/** The condition an alert reports. */
public enum StockAlertKind {
    /** The stock is at or below the item's low-stock mark. */
    LOW_STOCK,
    /** A listed product in stock has not sold for the store's number of days. */
    SLOW_MOVING
}
