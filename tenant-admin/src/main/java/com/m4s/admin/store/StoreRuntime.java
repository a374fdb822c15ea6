package com.m4s.admin.store;

/** What the service holding store data (store-console) does for a store when its directory entry changes. */
interface StoreRuntime {

    /**
     * Creates or completes the store's tenant, in the store's time zone (a region id); idempotent. Throws
     * {@link Unavailable} when it cannot.
     */
    void provision(String storeCode, String groupCode, String timeZone);

    /** Suspends ({@code active=false}) or reactivates a provisioned store; idempotent. */
    void setActive(String storeCode, boolean active);

    /** The store runtime refused or could not be reached; the message says why, for people. */
    class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
