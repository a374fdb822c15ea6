package com.m4s.store.repairorder;

/** What the DMS import does with an order whose customer matches no member (by phone, plate or VIN). */
public enum UnknownCustomer {
    /** Make the member (source DMS), with the vehicle when plate and VIN are given: the default. */
    CREATE,
    /** Refuse the order, with the reason, until staff have created the member. */
    REJECT
}
