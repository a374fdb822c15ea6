package com.m4s.store.payment;

/** Where a payment was made. */
public enum PaymentChannel {
    /** The owner paid in the app. */
    APP,
    /** Staff recorded it at the desk. */
    DESK
}
