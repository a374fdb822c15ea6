package com.m4s.admin.store;

/**
 * PROVISIONING until store-console has the store's schema; then ACTIVE, or FAILED with a reason (retryable).
 * ACTIVE and SUSPENDED switch back and forth.
 */
public enum StoreStatus {
    PROVISIONING, ACTIVE, FAILED, SUSPENDED
}
