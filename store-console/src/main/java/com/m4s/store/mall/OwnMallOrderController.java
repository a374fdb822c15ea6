package com.m4s.store.mall;

import com.m4s.platform.idempotency.LedgerKeys;
import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import com.m4s.platform.stripe.StripeRefused;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.member.Members;
import com.m4s.store.payment.Checkouts;
import com.m4s.store.payment.OnlinePayments;
import com.m4s.store.payment.PaymentEvents;
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

/** An owner's mall orders in the app (MALL-2): the cart's checkout sheet, placing and paying, my orders. */
@RestController
@Validated
@RequestMapping("/api/stores/{store}/me/mall")
@Allow(Permission.OWN_MALL)
@Tag(name = "my-mall-orders", description = "An owner checks a cart out, pays through the shared checkout and reads"
        + " their mall orders with the pick-up code")
class OwnMallOrderController {

    private final MallOrders orders;
    private final OnlinePayments online;
    private final Members members;

    OwnMallOrderController(MallOrders orders, OnlinePayments online, Members members) {
        this.orders = orders;
        this.online = online;
        this.members = members;
    }

    @PostMapping("/checkout")
    @Operation(summary = "The checkout sheet of my cart: its lines at today's prices, the recommended coupons, my"
            + " wallet and the points that may pay", description = "409 mall-product-not-listed.")
    Checkouts.Quote myMallCheckout(@PathVariable String store, @Valid @RequestBody MallOrderRequests.QuoteRequest cart) {
        return orders.quote(member(), cart.lines(), cart.coupons());
    }

    @PostMapping("/orders")
    @Operation(summary = "Place an order of my cart and pay it: coupons, wallet, points and the rest online (WeChat"
            + " Pay, Alipay, card), adding up to what is due; send an Idempotency-Key", description = "409"
                    + " mall-out-of-stock, mall-product-not-listed, insufficient-points, wallet-insufficient; 422"
                    + " payment-split-mismatch. With an online part the order waits for it (PENDING_PAYMENT) and is"
                    + " cancelled, its stock released, if it is not paid within 30 minutes.")
    MallOrderViews.MallOrderView placeMyMallOrder(@PathVariable String store,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody MallOrderRequests.Place place) {
        UUID member = member();
        MallOrders.Placed placed = orders.place(member, place, LedgerKeys.of("mall-order", key),
                Caller.currentUsername());
        if (placed.awaitsOnline()) {
            try {
                online.reach(placed.paymentId());
            } catch (StripeRefused refused) {
                // the payment failed and gave back what it held: the order goes with it now, not when the event comes
                orders.paymentEvent(PaymentEvents.Type.PaymentFailed.name(), placed.paymentId(), null, 0);
                throw refused;
            }
        }
        return orders.ownView(placed.orderId(), member);
    }

    @GetMapping("/orders")
    @Operation(summary = "My mall orders, newest first, with their lines and pick-up codes")
    PageResult<MallOrderViews.MallOrderView> myMallOrders(@PathVariable String store,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return orders.own(member(), SqlPage.of(page, size, "createdAt,desc", MallOrderList.SORTABLE,
                MallOrderList.TIE_BREAKER));
    }

    @GetMapping("/orders/{orderId}")
    @Operation(summary = "One of my mall orders, with its pick-up code")
    MallOrderViews.MallOrderView myMallOrder(@PathVariable String store, @PathVariable UUID orderId) {
        return orders.ownView(orderId, member());
    }

    @PostMapping("/orders/{orderId}/cancellation")
    @Operation(summary = "Give up an order not paid yet: its online payment is cancelled, its coupons, wallet, points"
            + " and stock given back", description = "409 mall-order-move-not-allowed once it is paid.")
    MallOrderViews.MallOrderView cancelMyMallOrder(@PathVariable String store, @PathVariable UUID orderId) {
        return orders.cancelUnpaid(orderId, member());
    }

    private UUID member() {
        return members.ownerContact(Caller.current().orElseThrow().subject()).memberId();
    }
}
