package com.m4s.admin.store;

import org.jspecify.annotations.Nullable;

/** What the service holding store data (store-console) does for a store when its directory entry changes. */
interface StoreRuntime {

    /**
     * Creates or completes the store's tenant, with its group, time zone (a region id), name, address and phone;
     * idempotent. Throws {@link Unavailable} when it cannot.
     */
    void provision(Stores.StoreView store);

    /** Tells a provisioned store's name, address and phone (null when it has none); idempotent. */
    void describe(String storeCode, String name, @Nullable String address, @Nullable String phone);

    /** Sets a provisioned store ACTIVE, READ_ONLY or SUSPENDED; idempotent. */
    void setStatus(String storeCode, StoreStatus status);

    /** The store runtime refused or could not be reached; the message says why, for people. */
    class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
