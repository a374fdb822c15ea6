package com.m4s.admin.store;

/**
 * PROVISIONING until store-console has the store's schema; then ACTIVE, or FAILED with a reason (retryable).
 * ACTIVE and SUSPENDED switch back and forth (an operator's decision). READ_ONLY: the store serves reads only because
 * its dealer group's subscription is unpaid past the grace period (decision 0047); it is ACTIVE again as soon as the
 * group has paid. Suspension comes first: a suspended store stays SUSPENDED whatever billing says, and one reactivated
 * while its group is read-only becomes READ_ONLY.
 */
public enum StoreStatus {
    PROVISIONING, ACTIVE, FAILED, SUSPENDED, READ_ONLY;

    /** Whether the group pays for the store: it is in service (all of it, or reads only). */
    public boolean billable() {
        return this == ACTIVE || this == READ_ONLY;
    }
}
