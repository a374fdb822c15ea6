package com.m4s.admin.billing;

import java.util.EnumSet;
import java.util.Set;

/**
 * A dealer group's subscription as the platform acts on it. NONE: never subscribed (the stores are writable: groups
 * from before billing, and deployments without Stripe). TRIALING, ACTIVE: paid for. PAST_DUE: an invoice failed; the
 * stores stay writable for the grace period. READ_ONLY: the grace period ran out; the stores serve reads only until an
 * invoice is paid. CANCELED: the subscription ended; the stores serve reads only until a new one starts.
 */
public enum BillingStatus {
    NONE, TRIALING, ACTIVE, PAST_DUE, READ_ONLY, CANCELED;

    /** The moves between statuses, each allowed from some statuses only. */
    enum Move {
        START(NONE, CANCELED),
        RENEW(TRIALING, ACTIVE),
        FAIL(TRIALING, ACTIVE),
        LOCK(PAST_DUE),
        RESTORE(PAST_DUE, READ_ONLY, CANCELED),
        END(TRIALING, ACTIVE, PAST_DUE, READ_ONLY);

        private final Set<BillingStatus> from;

        Move(BillingStatus first, BillingStatus... rest) {
            this.from = EnumSet.of(first, rest);
        }

        boolean allowedFrom(BillingStatus status) {
            return from.contains(status);
        }
    }

    /** Whether the group's stores must serve reads only. */
    public boolean storesReadOnly() {
        return this == READ_ONLY || this == CANCELED;
    }

    /** Whether a subscription is running in Stripe (its quantity follows the stores). */
    boolean subscribed() {
        return this == TRIALING || this == ACTIVE || this == PAST_DUE || this == READ_ONLY;
    }
}
