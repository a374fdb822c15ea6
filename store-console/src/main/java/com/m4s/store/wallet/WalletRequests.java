package com.m4s.store.wallet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the wallet API takes; amounts in fen. */
final class WalletRequests {

    /** Money in at the desk. */
    record WalletTopUp(@NotNull @Min(1) @Max(100_000_000) Long amount, @NotNull PaymentMethod method,
            @Size(max = 500) @Nullable String note) {
    }

    /** A payment from the wallet: for one of the member's repair orders, or a desk charge with its description. */
    record WalletSpend(@NotNull @Min(1) @Max(100_000_000) Long amount, @Nullable UUID repairOrderId,
            @Size(max = 200) @Nullable String description) {
    }

    /** A spend (or part of it) back to the wallet, and why. */
    record WalletRefund(@NotNull @Min(1) @Max(100_000_000) Long amount, @NotBlank @Size(max = 500) String reason) {
    }

    /** Why a top-up is undone. */
    record TopUpReversal(@NotBlank @Size(max = 500) String reason) {
    }

    /** Principal paid back, how, and why. */
    record WalletCashOutRequest(@NotNull @Min(1) @Max(100_000_000) Long amount, @Nullable PaymentMethod method,
            @NotBlank @Size(max = 500) String reason) {
    }

    /** A manager's decision on a pending cash-out; a rejection needs the note. */
    record CashOutDecision(@Size(max = 500) @Nullable String note) {
    }

    /** The store's wallet rules. */
    record WalletSettingsChange(@NotNull @Size(max = WalletSettings.MAX_TIERS)
            List<WalletSettings.@Valid @NotNull BonusTier> bonusTiers,
            @NotNull @Min(0) @Max(100_000_000) Long cashOutApprovalAbove) {
    }

    private WalletRequests() {
    }
}
