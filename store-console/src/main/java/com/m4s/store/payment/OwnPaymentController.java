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

    /** Whether online payment is open here, with which methods (none without Stripe or the group's account). */
    record OnlinePaymentOptions(List<OnlineMethod> methods) {
    }

    private final Checkouts checkouts;
    private final Payments payments;
    private final OnlinePayments online;
    private final RepairOrderService orders;

    OwnPaymentController(Checkouts checkouts, Payments payments, OnlinePayments online, RepairOrderService orders) {
        this.checkouts = checkouts;
        this.payments = payments;
        this.online = online;
        this.orders = orders;
    }

    @GetMapping("/online-payment")
    @Operation(summary = "The online payment methods I may use in this store (none when online payment is off)")
    OnlinePaymentOptions myOnlinePayment(@PathVariable String store) {
        return new OnlinePaymentOptions(online.methods());
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
    @Operation(summary = "Pay one of my repair orders with coupons, wallet and points, and the rest online (WeChat"
            + " Pay, Alipay), adding up to what is due; send an Idempotency-Key", description = "With an online part"
                    + " the payment waits (AWAITING_ONLINE) and `online` says what to do: scan the QR code or go to"
                    + " the redirect URL. 422 payment-split-mismatch, payment-cash-in-app, coupon-*,"
                    + " stripe-refused; 409 repair-order-paid, repair-order-payment-pending,"
                    + " insufficient-wallet-balance, stripe-not-configured, online-payment-no-account; 503 when"
                    + " Stripe is out of reach (repeat with the same key).")
    PaymentViews.PaymentView payMyOrder(@PathVariable String store, @PathVariable UUID orderId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody PaymentRequests.AppPayment pay) {
        Caller caller = Caller.current().orElseThrow();
        Checkouts.Pay made = new Checkouts.Pay(member(), Checkouts.Subject.order(orderId),
                pay.coupons() == null ? List.of() : pay.coupons(), pay.walletFen(), pay.points(), 0, null,
                pay.online(), pay.onlineMethod(), PaymentChannel.APP, true, null);
        String ledgerKey = PaymentController.ledgerKey("pay", key);
        if (pay.online() > 0) {
            return online.start(made, pay.returnUrl(), ledgerKey, caller.username()).forOwner();
        }
        return checkouts.pay(made, ledgerKey, caller.username());
    }

    @PostMapping("/wallet/top-ups")
    @Operation(summary = "Top up my wallet, paid online (WeChat Pay, Alipay); send an Idempotency-Key",
            description = "A payment of subject WALLET_TOP_UP waits for its online part like a repair order's; once"
                    + " Stripe says it is paid the amount and its tier's bonus are in the wallet. 422"
                    + " wallet-top-up-amount (1 to 50,000 yuan), stripe-refused; 409 stripe-not-configured,"
                    + " online-payment-no-account; 503 when Stripe is out of reach (repeat with the same key).")
    PaymentViews.PaymentView topUpMyWallet(@PathVariable String store,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody PaymentRequests.AppTopUp topUp) {
        Caller caller = Caller.current().orElseThrow();
        Checkouts.Pay made = new Checkouts.Pay(member(), Checkouts.Subject.topUp(topUp.amountFen()), List.of(), 0, 0,
                0, null, topUp.amountFen(), topUp.onlineMethod(), PaymentChannel.APP, true, null);
        return online.start(made, topUp.returnUrl(), PaymentController.ledgerKey("top-up", key), caller.username())
                .forOwner();
    }

    @PostMapping("/payments/{id}/check")
    @Operation(summary = "Ask Stripe now where my payment's online part is (back from Alipay, or tired of waiting)")
    PaymentViews.PaymentView checkMyPayment(@PathVariable String store, @PathVariable UUID id) {
        payments.getOwn(id, member());
        return online.check(id).forOwner();
    }

    @GetMapping("/payments/{id}/card")
    @Operation(summary = "What my browser needs to pay my card payment with Stripe.js: the intent's client secret,"
            + " the publishable key, the dealer group's account and where Stripe.js is", description = "409"
                    + " online-payment-not-card when the payment does not wait for a card.")
    OnlinePayments.CardConfirmation myCardPayment(@PathVariable String store, @PathVariable UUID id) {
        return online.card(id, member());
    }

    @PostMapping("/payments/{id}/cancel")
    @Operation(summary = "Give up my payment waiting for its online part: cancelled at Stripe, coupons, wallet and"
            + " points given back")
    PaymentViews.PaymentView cancelMyPayment(@PathVariable String store, @PathVariable UUID id) {
        return online.cancel(id, member()).forOwner();
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
