package com.m4s.store.wallet;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The owner's own wallet (我的钱包, WAL-1): principal, bonus and history. */
@RestController
@Validated
@RequestMapping("/api/stores/{store}/me/wallet")
@Allow(Permission.OWN_WALLET_VIEW)
@Tag(name = "my-wallet", description = "An owner's own stored-value wallet (WAL-1); amounts in fen")
class OwnWalletController {

    private final Wallets wallets;
    private final WalletSettings settings;

    OwnWalletController(Wallets wallets, WalletSettings settings) {
        this.wallets = wallets;
        this.settings = settings;
    }

    @GetMapping("/bonus-tiers")
    @Operation(summary = "The store's top-up bonus tiers (top up at least minTopUp fen, get bonus fen), lowest first")
    java.util.List<WalletSettings.BonusTier> myBonusTiers(@PathVariable String store) {
        return settings.view().bonusTiers().stream()
                .sorted(java.util.Comparator.comparingLong(WalletSettings.BonusTier::minTopUp)).toList();
    }

    @GetMapping
    @Operation(summary = "My wallet: principal, bonus, total (fen)")
    Wallets.WalletView myWallet(@PathVariable String store) {
        return wallets.balance(wallets.ownerMember(subject()));
    }

    @GetMapping("/entries")
    @Operation(summary = "My wallet history, newest first")
    PageResult<WalletHistory.WalletEntryView> myWalletHistory(@PathVariable String store,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return wallets.history(wallets.ownerMember(subject()), SqlPage.of(page, size, "createdAt,desc",
                WalletHistory.SORTABLE, WalletHistory.TIE_BREAKER));
    }

    private static String subject() {
        return Caller.current().orElseThrow().subject();
    }
}
