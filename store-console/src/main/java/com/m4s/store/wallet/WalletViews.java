package com.m4s.store.wallet;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the wallet API answers. */
public final class WalletViews {

    /** A cash-out request as the list and its steps show it, with the member and the moves allowed now. */
    public record CashOutView(UUID id, UUID memberId, String memberName, String memberPhone, long amount,
            PaymentMethod method, String reason, WalletCashOutStatus status, String requestedBy, Instant createdAt,
            @Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String decisionNote,
            @Nullable UUID entryId, Set<WalletCashOutStatus.Move> allowed, long version) {
    }

    private WalletViews() {
    }
}
