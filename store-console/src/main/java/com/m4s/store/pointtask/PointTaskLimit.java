package com.m4s.store.pointtask;

import java.time.LocalDate;
import java.util.UUID;

/**
 * How often a task rewards one member. The limit is the ledger entry's idempotency key: the database's unique key on
 * it keeps the limit under any concurrency and any replay, and a repeat answers the first grant.
 */
public enum PointTaskLimit {
    /** Once ever: {@code task:<task>:<member>}. */
    ONCE,
    /** Once per store day: {@code task:<task>:<member>:<yyyy-MM-dd>}. */
    DAILY,
    /** Once per calendar month of the store: {@code task:<task>:<member>:<yyyy-MM>}. */
    MONTHLY,
    /** Every occurrence: {@code task:<task>:event:<event>} (only for triggers that come as events). */
    UNLIMITED;

    /** The ledger key of a grant of {@code task} to {@code member} for an occurrence on the store day {@code day}. */
    String key(UUID task, UUID member, UUID occurrence, LocalDate day) {
        return switch (this) {
            case ONCE -> "task:" + task + ":" + member;
            case DAILY -> "task:" + task + ":" + member + ":" + day;
            case MONTHLY -> "task:" + task + ":" + member + ":" + day.toString().substring(0, 7);
            case UNLIMITED -> "task:" + task + ":event:" + occurrence;
        };
    }
}
