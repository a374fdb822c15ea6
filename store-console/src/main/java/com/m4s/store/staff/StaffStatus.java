package com.m4s.store.staff;

/** PENDING until the identity exists; FAILED when that did not work (retryable); ACTIVE and DISABLED after. */
public enum StaffStatus {
    PENDING, ACTIVE, FAILED, DISABLED
}
