package com.m4s.platform.jobs;

import com.m4s.platform.tenancy.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Recurring work a feature does for one store at a time (a delivery sweep, points expiry, trial ends, reminders). A
 * feature declares it as a bean; the {@link StoreJobRunner} visits the stores, at most one instance of the service
 * at a time per job, with the store set as the tenant, and records every run per store.
 */
public interface StoreJob {

    /** Stable and unique in the service: lower-case letters, digits and dashes, e.g. {@code points-expiry}. */
    String name();

    /** How long after a successful run the store is due again. */
    Duration interval();

    /**
     * Does the work for one store. Runs with {@code store} as the current tenant (repositories and transactions work
     * as in a request); a thrown exception counts as a failure for this store only: it is recorded, the store backs
     * off, and the other stores are not affected.
     */
    void run(Tenant store) throws Exception;

    /**
     * The stores that may have work now, found cheaply without opening any store's schema (a query on a table of
     * the service's own schema, a set the feature keeps, the marks of {@link JobWork}); {@code null} means every
     * active store. Stores not named here are not visited at all, so thousands of idle stores cost one query.
     */
    default @Nullable Set<String> storesWithWork(Instant now) {
        return null;
    }
}
