package com.m4s.store.payment;

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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
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

/**
 * The store's payments as staff use them (WAL-3, WAL-4): the desk's payment entry, the checkout sheet for a member,
 * the reconciliation list with each day and advisor's totals and its Excel file, confirmation, refunds, settings.
 */
@RestController
@Validated
@RequestMapping("/api/stores/{store}")
@Allow(Permission.PAYMENT_VIEW)
@Tag(name = "payments", description = "Payments and consumption records: desk payments, the checkout's"
        + " recommendation, reconciliation, confirmation, refunds (WAL-3, WAL-4); amounts in fen, 100 points = 1 yuan")
class PaymentController {

    private final Checkouts checkouts;
    private final Payments payments;
    private final PaymentSettings settings;
    private final ExcelExports exports;
    private final OnlinePayments online;

    PaymentController(Checkouts checkouts, Payments payments, PaymentSettings settings, ExcelExports exports,
            OnlinePayments online) {
        this.online = online;
        this.checkouts = checkouts;
        this.payments = payments;
        this.settings = settings;
        this.exports = exports;
    }

    @GetMapping("/members/{memberId}/checkout")
    @Operation(summary = "The checkout sheet for a member: a repair order (repairOrderId) or a desk charge"
            + " (description, amountFen); the recommended coupons and why, every coupon held, wallet and points;"
            + " with choose=true also the given coupons worked out (422 when they cannot be used)")
    Checkouts.Quote memberCheckout(@PathVariable String store, @PathVariable UUID memberId,
            @RequestParam(required = false) @Nullable UUID repairOrderId,
            @RequestParam(required = false) @Size(max = 200) @Nullable String description,
            @RequestParam(required = false) @Min(1) @Max(100_000_000) @Nullable Long amountFen,
            @RequestParam(required = false) @Size(max = 10) @Nullable List<UUID> coupons,
            @RequestParam(defaultValue = "false") boolean choose) {
        return checkouts.quote(memberId, new Checkouts.Subject(repairOrderId, description, amountFen),
                choose ? (coupons == null ? List.of() : coupons) : null);
    }

    @Allow(Permission.PAYMENT_TAKE)
    @PostMapping("/payments")
    @Operation(summary = "Record a payment taken at the desk: coupons, then wallet, then points, then cash, adding"
            + " up to the total; cash not seen in person waits for the owner's confirmation; send an Idempotency-Key",
            description = "422 payment-split-mismatch, payment-cash-method-required, payment-points-over-share,"
                    + " coupon-*; 409 repair-order-paid, repair-order-not-payable, insufficient-wallet-balance,"
                    + " insufficient-points.")
    PaymentViews.PaymentView takePayment(@PathVariable String store,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody PaymentRequests.DeskPayment pay) {
        return checkouts.pay(new Checkouts.Pay(pay.memberId(), new Checkouts.Subject(pay.repairOrderId(),
                pay.description(), pay.amountFen()), pay.coupons() == null ? List.of() : pay.coupons(),
                pay.walletFen(), pay.points(), pay.cashFen(), pay.cashMethod(), PaymentChannel.DESK,
                pay.confirmedInPerson(), pay.note()), ledgerKey("pay", key), Caller.currentUsername());
    }

    @GetMapping("/payments")
    @Operation(summary = "The store's payments, newest first: business days from/to, the advisor who took them,"
            + " channel, statuses, a member, or a name/phone/order number (part)")
    PageResult<PaymentViews.PaymentRow> paymentList(@PathVariable String store,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Size(max = 100) @Nullable String takenBy,
            @RequestParam(required = false) @Nullable PaymentChannel channel,
            @RequestParam(required = false) @Nullable List<PaymentStatus> status,
            @RequestParam(required = false) @Nullable UUID member,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        return payments.list(new PaymentList.Filter(from, to, takenBy, channel, status, member, search),
                SqlPage.of(page, size, sort, PaymentList.SORTABLE, PaymentList.TIE_BREAKER));
    }

    @GetMapping("/payments/totals")
    @Operation(summary = "Reconciliation: each business day and advisor's totals for the list's filters (payments,"
            + " coupons, wallet, points, cash by method, refunded, waiting for confirmation), newest day first")
    List<PaymentList.DayTotal> paymentTotals(@PathVariable String store,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Size(max = 100) @Nullable String takenBy,
            @RequestParam(required = false) @Nullable PaymentChannel channel,
            @RequestParam(required = false) @Nullable List<PaymentStatus> status,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search) {
        return payments.totals(new PaymentList.Filter(from, to, takenBy, channel, status, null, search));
    }

    @GetMapping(value = "/payments/export", produces = ExcelExports.XLSX)
    @Operation(summary = "The payment list as an Excel file: every payment the list's filters match, in its sort,"
            + " without paging; amounts in yuan, words in the caller's language")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 收款对账_<date>.xlsx",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void paymentExport(@PathVariable String store,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Size(max = 100) @Nullable String takenBy,
            @RequestParam(required = false) @Nullable PaymentChannel channel,
            @RequestParam(required = false) @Nullable List<PaymentStatus> status,
            @RequestParam(required = false) @Nullable UUID member,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(defaultValue = "createdAt,desc") String sort,
            HttpServletResponse response) throws IOException {
        SqlPage order = SqlPage.everyRow(sort, PaymentList.SORTABLE, PaymentList.TIE_BREAKER);
        PaymentList.Filter filter = new PaymentList.Filter(from, to, takenBy, channel, status, member, search);
        exports.write(response, PaymentList.EXPORT, sink -> payments.export(filter, order, sink));
    }

    @GetMapping("/payments/{id}")
    @Operation(summary = "One payment with its coupons, refunds and what may still be refunded")
    PaymentViews.PaymentView payment(@PathVariable String store, @PathVariable UUID id) {
        return payments.get(id);
    }

    @Allow(Permission.PAYMENT_TAKE)
    @PostMapping("/payments/{id}/confirmation")
    @Operation(summary = "Confirm a desk payment whose money staff saw in person; a confirmed one answers as it is;"
            + " send If-Match with the version read")
    PaymentViews.PaymentView confirmPayment(@PathVariable String store, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return payments.confirm(id, null, Versions.ifMatch(ifMatch), Caller.currentUsername());
    }

    @Allow(Permission.PAYMENT_REFUND)
    @PostMapping("/payments/{id}/refunds")
    @Operation(summary = "Refund (part of) what was paid with the reason: shared among cash, wallet, points and"
            + " the online part in proportion, the order's earned points taken back alike, coupons restored by the"
            + " refund of everything; the online part goes back through Stripe; send an Idempotency-Key",
            description = "422 payment-refund-exceeds; 409 payment-move-not-allowed. The refund is recorded even"
                    + " when Stripe is out of reach: its online part then stays PENDING and is sent again.")
    PaymentViews.PaymentView refundPayment(@PathVariable String store, @PathVariable UUID id,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody PaymentRequests.Refund refund) {
        payments.refund(id, refund.amountFen(), refund.reason(), ledgerKey("refund", key), Caller.currentUsername());
        online.sendRefunds(id);
        return payments.get(id);
    }

    @Allow(Permission.PAYMENT_REFUND)
    @GetMapping("/payments/{id}/refund-preview")
    @Operation(summary = "What a refund of amountFen would give back now to cash, wallet, points and the online part,"
            + " shared exactly as the refund would be, and whether the coupons come back; nothing is refunded",
            description = "422 payment-refund-exceeds or payment-amount-invalid; 409 payment-move-not-allowed.")
    Payments.RefundPreview refundPreview(@PathVariable String store, @PathVariable UUID id,
            @RequestParam long amountFen) {
        return payments.preview(id, amountFen);
    }

    @Allow(Permission.PAYMENT_TAKE)
    @PostMapping("/payments/{id}/check")
    @Operation(summary = "Ask Stripe now where a payment's online part is, and take in the answer")
    PaymentViews.PaymentView checkPayment(@PathVariable String store, @PathVariable UUID id) {
        payments.get(id);
        return online.check(id);
    }

    @GetMapping("/payment-settings")
    @Operation(summary = "The store's payment rules: whether points pay and at most which share")
    PaymentSettings.PaymentSettingsView paymentSettings(@PathVariable String store) {
        return settings.view();
    }

    @Allow(Permission.PAYMENT_SETTINGS_MANAGE)
    @PutMapping("/payment-settings")
    @Operation(summary = "Change the payment rules (managers); send If-Match with the version read")
    PaymentSettings.PaymentSettingsView changePaymentSettings(@PathVariable String store,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody PaymentRequests.SettingsChange change) {
        return settings.change(change.pointsAccepted(), change.pointsMaxPercent(), Versions.ifMatch(ifMatch));
    }

    /** The key of a request: the caller's Idempotency-Key (kept beyond the HTTP layer's answer), or a fresh one. */
    static String ledgerKey(String what, @Nullable String key) {
        return com.m4s.platform.idempotency.LedgerKeys.of("payment:" + what, key);
    }
}
