package com.m4s.store.wallet;

import com.m4s.platform.idempotency.OneTransaction;
import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A member's wallet as staff use it at the desk (WAL-1): balance, history, top-ups, spends, refunds, cash-outs. */
@RestController
@Validated
@RequestMapping("/api/stores/{store}/members/{memberId}/wallet")
@Allow(Permission.WALLET_VIEW)
@Tag(name = "wallet", description = "Members' stored-value wallets: balance, history, top-up, spend, refund,"
        + " cash-out (WAL-1); amounts in fen")
class WalletController {

    private final Wallets wallets;
    private final WalletCashOuts cashOuts;

    WalletController(Wallets wallets, WalletCashOuts cashOuts) {
        this.wallets = wallets;
        this.cashOuts = cashOuts;
    }

    @GetMapping
    @Operation(summary = "The member's wallet in fen: principal (refundable in cash), bonus (never paid out), total")
    Wallets.WalletView walletBalance(@PathVariable String store, @PathVariable UUID memberId) {
        return wallets.balance(memberId);
    }

    @GetMapping("/entries")
    @Operation(summary = "The member's wallet entries, newest first; a spend says what is left to refund of it")
    PageResult<WalletHistory.WalletEntryView> walletHistory(@PathVariable String store, @PathVariable UUID memberId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        return wallets.history(memberId, SqlPage.of(page, size, sort, WalletHistory.SORTABLE,
                WalletHistory.TIE_BREAKER));
    }

    @Allow(Permission.WALLET_TOP_UP)
    @OneTransaction
    @PostMapping("/top-ups")
    @Operation(summary = "Take a top-up at the desk: principal, and the bonus of the highest tier the amount meets"
            + " in the same entry; send an Idempotency-Key")
    Wallets.WalletPosting walletTopUp(@PathVariable String store, @PathVariable UUID memberId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody WalletRequests.WalletTopUp topUp) {
        return wallets.topUp(memberId, topUp.amount(), topUp.method(), topUp.note(), ledgerKey("top-up", key),
                Caller.currentUsername());
    }

    @Allow(Permission.WALLET_SPEND)
    @OneTransaction
    @PostMapping("/spends")
    @Operation(summary = "Pay from the wallet, principal first, then bonus: for one of the member's repair orders"
            + " (repairOrderId) or a desk charge (description), one of the two; send an Idempotency-Key",
            description = "422 wallet-spend-source, wallet-order-unknown, wallet-order-other-member; 409"
                    + " insufficient-wallet-balance.")
    Wallets.WalletPosting walletSpend(@PathVariable String store, @PathVariable UUID memberId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody WalletRequests.WalletSpend spend) {
        boolean charge = spend.description() != null && !spend.description().isBlank();
        if ((spend.repairOrderId() == null) == !charge) {
            throw new ApiException.Unprocessable("wallet-spend-source").field("repairOrderId");
        }
        String username = Caller.currentUsername();
        if (spend.repairOrderId() != null) {
            return wallets.spendOnRepairOrder(memberId, spend.repairOrderId(), spend.amount(), ledgerKey("spend", key),
                    username);
        }
        return wallets.spend(memberId, spend.amount(), new Wallets.Source(WalletSourceType.DESK_CHARGE, null,
                java.util.Objects.requireNonNull(spend.description()).strip()), ledgerKey("spend", key), username);
    }

    @Allow(Permission.WALLET_REFUND)
    @OneTransaction
    @PostMapping("/entries/{entryId}/refunds")
    @Operation(summary = "Refund (part of) a spend back to the wallet with the reason: its bonus first, then its"
            + " principal, never more than is left of it (422 wallet-refund-exceeds-spend); send an Idempotency-Key")
    Wallets.WalletPosting walletRefund(@PathVariable String store, @PathVariable UUID memberId, @PathVariable UUID entryId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody WalletRequests.WalletRefund refund) {
        return wallets.refund(memberId, entryId, refund.amount(), refund.reason(), ledgerKey("refund", key),
                Caller.currentUsername());
    }

    @Allow(Permission.WALLET_CASH_OUT_APPROVE)
    @PostMapping("/entries/{entryId}/reversal")
    @Operation(summary = "Undo a top-up taken by mistake, with the reason (managers): exactly its principal and bonus"
            + " out, once", description = "409 wallet-top-up-reversed, wallet-top-up-spent (refund the payments made"
                    + " from it first).")
    Wallets.WalletPosting walletTopUpReversal(@PathVariable String store, @PathVariable UUID memberId,
            @PathVariable UUID entryId, @Valid @RequestBody WalletRequests.TopUpReversal reversal) {
        return wallets.reverseTopUp(memberId, entryId, reversal.reason(), Caller.currentUsername());
    }

    @Allow(Permission.WALLET_CASH_OUT)
    @PostMapping("/cash-outs")
    @Operation(summary = "Ask to pay principal back (never bonus) with the reason: paid at once at or under the"
            + " store's threshold, else PENDING until another manager approves; send an Idempotency-Key",
            description = "409 insufficient-wallet-principal.")
    WalletViews.CashOutView walletCashOut(@PathVariable String store, @PathVariable UUID memberId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody WalletRequests.WalletCashOutRequest cashOut) {
        Caller caller = Caller.current().orElseThrow();
        return cashOuts.request(memberId, cashOut.amount(), cashOut.method(), cashOut.reason(),
                ledgerKey("cash-out", key), caller.username(), caller.subject());
    }

    /**
     * The ledger's key of a request: the caller's Idempotency-Key (so a repeat that reaches the ledger after the kept
     * answer expired still posts nothing twice), or a fresh one.
     */
    static String ledgerKey(String what, @Nullable String key) {
        return com.m4s.platform.idempotency.LedgerKeys.of("wallet:" + what, key);
    }
}
