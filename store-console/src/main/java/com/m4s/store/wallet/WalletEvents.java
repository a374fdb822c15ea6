package com.m4s.store.wallet;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The wallet's domain events, all on topic {@value #TOPIC}; ids and fen only, no names or phones. */
public final class WalletEvents {

    public static final String TOPIC = "m4s.wallet";

    /** Event types, past tense: a ledger movement, or a cash-out request's step. */
    public enum Type {
        WalletToppedUp, WalletSpent, WalletRefunded, WalletCashedOut, WalletTopUpReversed, WalletTopUpRefunded, WalletCashOutRequested, WalletCashOutRejected
    }

    /** A ledger movement: the entry, its signed changes and the wallet after it. */
    public record WalletMoved(UUID entryId, UUID memberId, String store, @Nullable String group, WalletEntryKind kind,
            long principalDelta, long bonusDelta, long principalAfter, long bonusAfter, WalletSourceType sourceType,
            @Nullable UUID sourceId, @Nullable UUID refundOf) {
    }

    /** A cash-out request after a step (the paid one also has its WalletCashedOut movement). */
    public record WalletCashOutChanged(UUID cashOutId, String store, @Nullable String group, UUID memberId,
            long amount, WalletCashOutStatus status, @Nullable UUID entryId) {
    }

    private WalletEvents() {
    }
}
