/**
 * Automatic point tasks (自动积分任务, PTS-2), decision 0033: staff publish tasks that reward members for what they do
 * (a settled repair order, a car sold through the store, a daily check-in), by a trigger from the catalogue
 * ({@link com.m4s.store.pointtask.PointTaskTrigger}), with fixed points or a ratio of the order, a validity and a
 * per-member limit that is the ledger's idempotency key. Points are granted through the ledger only.
 */
@NullMarked
package com.m4s.store.pointtask;

import org.jspecify.annotations.NullMarked;
