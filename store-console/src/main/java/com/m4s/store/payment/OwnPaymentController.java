package com.m4s.store.payment;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
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
import com.m4s.store.repairorder.RepairOrderService;
import org.springframework.http.HttpHeaders;

/**
 * The owner's payments in the app (WAL-3, WAL-4): the repair orders waiting to be paid, the checkout sheet with the
 * recommended coupons and a way to choose others, paying with coupons, wallet and points, confirming a desk payment,
 * and the consumption records.
 */
@RestController
@Validated
@RequestMapping("/api/stores/{store}/me")
@Allow(Permission.OWN_PAYMENT)
@Tag(name = "my-payments", description = "An owner pays in the app and reads their consumption records (WAL-3,"
        + " WAL-4); amounts in fen, 100 points = 1 yuan")
class OwnPaymentController {

    /** A repair order waiting to be paid. */
    record PayableView(UUID id, String dmsNumber, @Nullable String advisor, java.time.@Nullable Instant settledAt,
            long totalFen) {
    }

    private final Checkouts checkouts;
    private final Payments payments;
    private final RepairOrderService orders;

    OwnPaymentController(Checkouts checkouts, Payments payments, RepairOrderService orders) {
        this.checkouts = checkouts;
        this.payments = payments;
        this.orders = orders;
    }

    @GetMapping("/payables")
    @Operation(summary = "My repair orders waiting to be paid, newest first")
    List<PayableView> myPayables(@PathVariable String store) {
        UUID member = member();
        return orders.payables(member).stream().filter(o -> !payments.paid(o.id()))
                .map(o -> new PayableView(o.id(), o.dmsNumber(), o.advisor(), o.settledAt(), o.totalFen())).toList();
    }

    @GetMapping("/repair-orders/{orderId}/checkout")
    @Operation(summary = "The checkout sheet of one of my repair orders: the recommended coupons and why, every"
            + " coupon I hold, my wallet and points; with choose=true also the given coupons worked out")
    Checkouts.Quote myCheckout(@PathVariable String store, @PathVariable UUID orderId,
            @RequestParam(required = false) @Size(max = 10) @Nullable List<UUID> coupons,
            @RequestParam(defaultValue = "false") boolean choose) {
        return checkouts.quote(member(), Checkouts.Subject.order(orderId),
                choose ? (coupons == null ? List.of() : coupons) : null);
    }

    @PostMapping("/repair-orders/{orderId}/payments")
    @Operation(summary = "Pay one of my repair orders with coupons, wallet and points adding up to what is due;"
            + " send an Idempotency-Key", description = "422 payment-split-mismatch, payment-cash-in-app (online"
                    + " payment comes later), coupon-*; 409 repair-order-paid, insufficient-wallet-balance.")
    PaymentViews.PaymentView payMyOrder(@PathVariable String store, @PathVariable UUID orderId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody PaymentRequests.AppPayment pay) {
        Caller caller = Caller.current().orElseThrow();
        return checkouts.pay(new Checkouts.Pay(member(), Checkouts.Subject.order(orderId),
                pay.coupons() == null ? List.of() : pay.coupons(), pay.walletFen(), pay.points(), 0, null,
                PaymentChannel.APP, true, null), PaymentController.ledgerKey("pay", key), caller.username());
    }

    @GetMapping("/payments")
    @Operation(summary = "My consumption records, newest first")
    PageResult<PaymentViews.PaymentRow> myPayments(@PathVariable String store,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return payments.list(new PaymentList.Filter(null, null, null, null, null, member(), null),
                SqlPage.of(page, size, "createdAt,desc", PaymentList.SORTABLE, PaymentList.TIE_BREAKER));
    }

    @GetMapping("/payments/{id}")
    @Operation(summary = "One of my payments with its coupons and refunds")
    PaymentViews.PaymentView myPayment(@PathVariable String store, @PathVariable UUID id) {
        return payments.getOwn(id, member());
    }

    @PostMapping("/payments/{id}/confirmation")
    @Operation(summary = "Confirm a payment I made at the desk; a confirmed one answers as it is")
    PaymentViews.PaymentView confirmMyPayment(@PathVariable String store, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return payments.confirm(id, member(), Versions.ifMatch(ifMatch), Caller.currentUsername());
    }

    private UUID member() {
        return payments.ownerMember(Caller.current().orElseThrow().subject());
    }
}
