/**
 * Manual point campaigns (手动积分任务, PTS-3), decision 0037: staff draft a campaign (name, reason, points per member,
 * the members: by hand, from a file of phones/plates, later from a segment), a manager other than the author approves
 * or rejects it, and the per-store job {@code point-campaign-grant} grants each member once through the ledger with
 * the key {@code campaign:<campaign>:<member>}.
 */
@NullMarked
package com.m4s.store.campaign;

import org.jspecify.annotations.NullMarked;
