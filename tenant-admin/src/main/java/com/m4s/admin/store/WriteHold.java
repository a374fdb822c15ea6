package com.m4s.admin.store;

/**
 * Whether a dealer group's stores must serve reads only (its subscription unpaid past the grace period, decision
 * 0047). Billing answers it; a store made usable (provisioned, reactivated) while its group is held becomes READ_ONLY
 * rather than ACTIVE. Without billing, nothing is held.
 */
public interface WriteHold {

    boolean readOnly(String groupCode);
}
