package com.m4s.store.wallet;

/** What a wallet entry did; the database checks each kind's signs. */
public enum WalletEntryKind {
    /** Money in at the desk: principal up, and the bonus its tier gives in the same entry. */
    TOP_UP,
    /** Paid from the wallet: principal first, then bonus. */
    SPEND,
    /** A spend (or part of one) back to the wallet: its bonus first, then its principal, never more than it took. */
    REFUND,
    /** Principal paid back in cash; bonus never. */
    CASH_OUT,
    /** A top-up taken by mistake, undone by a manager: exactly its principal and bonus out, once (refund_of: it). */
    TOP_UP_REVERSAL,
    /**
     * (Part of) an online top-up's payment refunded: its principal out and the same share of its bonus (refund_of: the
     * top-up); several partial refunds never take out more than it put in.
     */
    TOP_UP_REFUND
}
