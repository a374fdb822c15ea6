/**
 * The points ledger (PTS-1) and the dual points rules (PTS-4/5), decision 0030. Every change of a member's points is
 * an immutable {@code points_entry} with its source, the rule version that produced it and an idempotency key unique
 * in the database; the member's balance row is the sum of their entries, kept in the same transaction under the
 * row's lock; the available points are held in lots that expire by the store's policy, spent oldest first
 * (decision 0039). Other features post through {@link com.m4s.store.points.Points} and read the rules through
 * {@link com.m4s.store.points.PointsRules}.
 */
@NullMarked
package com.m4s.store.points;

import org.jspecify.annotations.NullMarked;
