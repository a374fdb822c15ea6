package com.m4s.store.mall;

/** How an order reaches its owner. */
public enum Fulfilment {
    /** Collected at the store's desk with the pick-up code. */
    PICKUP,
    /** Fitted to the car at a service visit. */
    INSTALLATION
}
