package com.m4s.store.wallet;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import com.m4s.store.export.ExcelExports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The store's wallet business beyond one member: cash-out approvals and the wallet settings (WAL-1). */
@RestController
@Validated
@RequestMapping("/api/stores/{store}/wallet")
@Allow(Permission.WALLET_VIEW)
@Tag(name = "wallet-admin", description = "Cash-out requests and their approval, the store's bonus tiers and"
        + " approval threshold (WAL-1); amounts in fen")
class WalletAdminController {

    private final WalletCashOuts cashOuts;
    private final WalletSettings settings;
    private final ExcelExports exports;

    WalletAdminController(WalletCashOuts cashOuts, WalletSettings settings, ExcelExports exports) {
        this.cashOuts = cashOuts;
        this.settings = settings;
        this.exports = exports;
    }

    @GetMapping("/cash-outs")
    @Operation(summary = "The store's cash-out requests, newest first: statuses, a member, or a phone/name (part)")
    PageResult<WalletViews.CashOutView> cashOutList(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<WalletCashOutStatus> status,
            @RequestParam(required = false) @Nullable UUID member,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        return cashOuts.list(new WalletCashOutList.Filter(status, member, search),
                SqlPage.of(page, size, sort, WalletCashOutList.SORTABLE, WalletCashOutList.TIE_BREAKER));
    }

    @GetMapping(value = "/cash-outs/export", produces = ExcelExports.XLSX)
    @Operation(summary = "The cash-out list as an Excel file: every request the list's filters match, in its sort,"
            + " without paging; amounts in yuan, statuses and methods in the caller's language")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 钱包提现_<date>.xlsx",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void cashOutExport(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<WalletCashOutStatus> status,
            @RequestParam(required = false) @Nullable UUID member,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(defaultValue = "createdAt,desc") String sort,
            HttpServletResponse response) throws IOException {
        SqlPage order = SqlPage.everyRow(sort, WalletCashOutList.SORTABLE, WalletCashOutList.TIE_BREAKER);
        WalletCashOutList.Filter filter = new WalletCashOutList.Filter(status, member, search);
        exports.write(response, WalletCashOutList.EXPORT, sink -> cashOuts.export(filter, order, sink));
    }

    @GetMapping("/cash-outs/{id}")
    @Operation(summary = "One cash-out request with the moves allowed now")
    WalletViews.CashOutView cashOutRequest(@PathVariable String store, @PathVariable UUID id) {
        return cashOuts.get(id);
    }

    @Allow(Permission.WALLET_CASH_OUT_APPROVE)
    @PostMapping("/cash-outs/{id}/approval")
    @Operation(summary = "Approve a pending cash-out: its CASH_OUT entry is posted once (a paid request answers as"
            + " it is)", description = "409 wallet-cash-out-own-request (its requester), wallet-cash-out-decided"
                    + " (rejected), insufficient-wallet-principal; send If-Match with the version read.")
    WalletViews.CashOutView approveCashOut(@PathVariable String store, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody WalletRequests.CashOutDecision decision) {
        Caller caller = Caller.current().orElseThrow();
        return cashOuts.approve(id, decision.note(), Versions.ifMatch(ifMatch), caller.username(), caller.subject());
    }

    @Allow(Permission.WALLET_CASH_OUT_APPROVE)
    @PostMapping("/cash-outs/{id}/rejection")
    @Operation(summary = "Reject a pending cash-out with the note (422 wallet-cash-out-note-required); a rejected"
            + " request answers as it is")
    WalletViews.CashOutView rejectCashOut(@PathVariable String store, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody WalletRequests.CashOutDecision decision) {
        Caller caller = Caller.current().orElseThrow();
        return cashOuts.reject(id, decision.note(), Versions.ifMatch(ifMatch), caller.username(), caller.subject());
    }

    @GetMapping("/settings")
    @Operation(summary = "The store's bonus tiers (lowest minimum first) and cash-out approval threshold")
    WalletSettings.WalletSettingsView walletSettings(@PathVariable String store) {
        return settings.view();
    }

    @Allow(Permission.WALLET_SETTINGS_MANAGE)
    @PutMapping("/settings")
    @Operation(summary = "Replace the bonus tiers and the threshold (managers); send If-Match with the version read",
            description = "422 wallet-bonus-tier-invalid (bonus not below its minimum), wallet-bonus-tier-duplicate.")
    WalletSettings.WalletSettingsView changeWalletSettings(@PathVariable String store,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody WalletRequests.WalletSettingsChange change) {
        return settings.change(change.bonusTiers(), change.cashOutApprovalAbove(), Versions.ifMatch(ifMatch));
    }
}
