package com.m4s.store.gift;

/** Where a batch distribution is: members being chosen, being given by the store's job, or done. */
public enum GiftDistributionStatus {
    /** Members are being chosen; nothing given yet; may be discarded. */
    DRAFT,
    /** Started: the store's job gives the gift member by member. */
    RUNNING,
    /** Every member done: given, or skipped with why; final. */
    DONE
}
