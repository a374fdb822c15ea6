package com.m4s.store.points;

/** What a ledger entry does. Earning kinds count towards lifetime earned points; the others move what was earned. */
public enum EntryKind {
    /** Points earned but not yet usable (a repair order within its refund window). */
    GRANT_PENDING(true),
    /** Points earned and usable at once (tasks, campaigns: later slices). */
    GRANT(true),
    /** Pending points of a source become available (the refund window has passed). */
    ACTIVATE(false),
    /** A source's points changed after the fact (a corrected repair order): the difference, either sign. */
    CORRECT(true),
    /** Part of a source taken back (a refunded line): its points removed. */
    REFUND(true),
    /** A whole source taken back (a reversed order): its points removed. */
    REVERSE(true),
    /** Points spent. */
    REDEEM(false),
    /** A manual change by staff, with a reason. */
    ADJUST(false),
    /** What was left of a lot past its expiry date removed (decision 0039). */
    EXPIRE(false),
    /** Available points given to another member of the store (decision 0040): spent oldest lots first. */
    TRANSFER_OUT(false),
    /** Points received from another member (decision 0040): a new lot under the store's expiry policy. */
    TRANSFER_IN(false),
    /** Points a refunded payment had spent, given back (decision 0045): a new lot under the store's expiry policy. */
    REDEEM_RETURN(false);

    private final boolean earning;

    EntryKind(boolean earning) {
        this.earning = earning;
    }

    /** Whether the entry changes the member's lifetime earned points. */
    public boolean earning() {
        return earning;
    }
}
