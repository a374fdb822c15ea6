package com.m4s.store.mall;

import com.m4s.platform.entity.KeyedEntity;
import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.idempotency.Sha256;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.time.StoreTime;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import com.m4s.store.coupon.BasketLine;
import com.m4s.store.payment.Checkouts;
import com.m4s.store.payment.PaymentChannel;
import com.m4s.store.payment.PaymentEvents;
import com.m4s.store.payment.PaymentStatus;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders of the store's mall (MALL-2, decision 0051). Placing one is one transaction: the SKUs' stock reserved under
 * their products' locks, the order and its lines written at today's prices, the payment made through the shared
 * checkout (coupons, wallet, points; the rest online) — or nothing at all. What the payment does next moves the order:
 * paid → PAID, failed or timed out → CANCELLED with its stock released, refunded → REFUNDED (stock back) or
 * PARTIALLY_REFUNDED ({@link #paymentEvent}, fed by the payment events and called at once where the request knows).
 */
@Service
public class MallOrders {

    /** Who moves an order when its payment does. */
    static final String SYSTEM = "system";
    private static final String REF = "商城订单 ";
    private static final SecureRandom CODES = new SecureRandom();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** An order just placed: its payment, and whether Stripe must be asked for its online part now. */
    public record Placed(UUID orderId, UUID paymentId, boolean awaitsOnline) {
    }

    private final MallOrderRepository orders;
    private final MallOrderLineRepository lines;
    private final MallOrderList list;
    private final Products products;
    private final Checkouts checkouts;
    private final com.m4s.store.payment.OnlinePayments online;
    private final EventOutbox events;
    private final TenantRegistry tenants;
    private final StoreTime storeTime;
    private final TransactionTemplate tx;

    MallOrders(MallOrderRepository orders, MallOrderLineRepository lines, MallOrderList list, Products products,
            Checkouts checkouts, com.m4s.store.payment.OnlinePayments online, EventOutbox events,
            TenantRegistry tenants, StoreTime storeTime, PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        this.orders = orders;
        this.lines = lines;
        this.list = list;
        this.products = products;
        this.checkouts = checkouts;
        this.online = online;
        this.events = events;
        this.tenants = tenants;
        this.storeTime = storeTime;
    }

    /** The checkout sheet of a cart: its lines at today's prices, the coupons, wallet and points that may pay. */
    @Transactional(readOnly = true)
    public Checkouts.Quote quote(UUID member, List<MallOrderRequests.Line> cart, @Nullable List<UUID> coupons) {
        List<BasketLine> basket = list.price(quantities(cart)).stream().map(MallOrders::basketLine).toList();
        return checkouts.quote(member, Checkouts.Subject.mall(new Checkouts.MallOrder(new UUID(0, 0), REF.strip(),
                basket)), coupons);
    }

    /**
     * Places an order and makes its payment, in one transaction. A repeat of the key answers the first order (409
     * {@code mall-order-key-reused} for another request); 409 {@code mall-out-of-stock}, {@code
     * mall-product-not-listed}; the checkout's problems (split, wallet, points, coupons) as they are.
     */
    @Transactional
    public Placed place(UUID member, MallOrderRequests.Place place, String key, String actor) {
        Map<UUID, Integer> quantities = quantities(place.lines());
        String hash = Sha256.hex(member + "|" + quantities + "|" + place.fulfilment() + "|" + place.coupons() + "|"
                + place.walletFen() + "|" + place.points() + "|" + place.onlineFen() + "|" + place.onlineMethod());
        var earlier = KeyedEntity.sameRequest(orders.findByIdempotencyKey(key), hash, "mall-order-key-reused", key);
        if (earlier.isPresent()) {
            MallOrder first = earlier.get();
            return new Placed(first.id(), java.util.Objects.requireNonNull(first.paymentId()),
                    first.status() == MallOrderStatus.PENDING_PAYMENT);
        }
        Instant now = storeTime.clock().instant();
        String number = "SC" + DAY.format(now.atZone(storeTime.zone())) + String.format("%05d", orders.nextNumber());
        // the order first (its stock movements name it), at the prices read now; the reservation reads them again
        // under the products' locks, and those are the prices it is sold at
        MallOrder order = orders.saveAndFlush(new MallOrder(number, member, place.fulfilment(),
                gross(list.price(quantities)), code(), blankToNull(place.note()), key, hash, actor, now));
        UUID id = order.id();
        List<Products.Taken> taken = products.reserve(id, quantities, actor);
        order.priced(gross(taken));
        List<BasketLine> basket = new ArrayList<>();
        int no = 0;
        for (Products.Taken t : taken) {
            MallOrderLine line = lines.save(new MallOrderLine(id, t, ++no));
            basket.add(new BasketLine(line.id().toString(), BasketLine.Kind.MALL_ITEM, t.skuId().toString(),
                    t.categoryId().toString(), t.productName() + " " + t.spec(), line.amountFen()));
        }
        lines.flush();
        Checkouts.Pay pay = new Checkouts.Pay(member, Checkouts.Subject.mall(new Checkouts.MallOrder(id, REF + number,
                basket)), place.coupons() == null ? List.of() : place.coupons(), place.walletFen(), place.points(), 0,
                null, place.onlineFen(), place.onlineMethod(), PaymentChannel.APP, true, null);
        String paymentKey = "mall-order:" + id + ":payment";
        UUID payment = place.onlineFen() > 0 ? online.begin(pay, place.returnUrl(), paymentKey, actor)
                : checkouts.pay(pay, paymentKey, actor).payment().id();
        order.paidBy(payment);
        orders.saveAndFlush(order);
        publish(MallEvents.Type.MallOrderPlaced, order);
        if (place.onlineFen() == 0) {
            // paid whole with coupons, the wallet and points: paid now
            order.pay(now);
            orders.saveAndFlush(order);
            publish(MallEvents.Type.MallOrderPaid, order);
        }
        return new Placed(id, payment, place.onlineFen() > 0);
    }

    /**
     * What a payment's step means for the order it paid for, once per step (a repeat finds the order moved and does
     * nothing): made → PAID; failed (declined, cancelled, timed out) → CANCELLED, the reserved stock released (the
     * payment gave back its coupons, wallet and points itself); refunded → REFUNDED with the goods back in stock, or
     * PARTIALLY_REFUNDED. Payments of other subjects are none of the mall's business.
     */
    @Transactional
    public void paymentEvent(String type, UUID payment, @Nullable PaymentStatus status, long refundedFen) {
        MallOrder order = orders.lockByPayment(payment).orElse(null);
        if (order == null) {
            return;
        }
        Instant now = storeTime.clock().instant();
        if (type.equals(PaymentEvents.Type.PaymentMade.name()) && order.can(MallOrderStatus.Move.PAY)) {
            order.pay(now);
            orders.saveAndFlush(order);
            publish(MallEvents.Type.MallOrderPaid, order);
        } else if (type.equals(PaymentEvents.Type.PaymentFailed.name()) && order.can(MallOrderStatus.Move.CANCEL)) {
            cancel(order, "支付未完成 / payment not completed", now);
        } else if (type.equals(PaymentEvents.Type.PaymentRefunded.name()) && order.can(MallOrderStatus.Move.REFUND)
                && refundedFen > order.refundedFen()) {
            boolean whole = status == PaymentStatus.REFUNDED;
            order.refunded(refundedFen, whole, now);
            orders.saveAndFlush(order);
            if (whole) {
                products.giveBack(order.id(), quantitiesOf(order.id()), ProductStockKind.RETURN,
                        "订单退款 / order refunded", SYSTEM);
            }
            publish(MallEvents.Type.MallOrderRefunded, order);
        }
    }

    /**
     * The owner gives up an order not paid yet: its online payment is cancelled at Stripe (what it held goes back)
     * and the order with its stock at once (the payment's event finds it cancelled). 409 for an order paid meanwhile.
     */
    public MallOrderViews.MallOrderView cancelUnpaid(UUID id, UUID member) {
        MallOrderViews.MallOrderView view = ownView(id, member);
        UUID payment = view.paymentId();
        if (view.status() != MallOrderStatus.PENDING_PAYMENT || payment == null) {
            throw new ApiException.Conflict("mall-order-move-not-allowed", view.number(), "CANCEL",
                    view.status().name());
        }
        online.cancel(payment, member);
        tx.executeWithoutResult(status -> paymentEvent(PaymentEvents.Type.PaymentFailed.name(), payment, null, 0));
        return ownView(id, member);
    }

    /** Staff put a pick-up order at the desk. */
    @Transactional
    public MallOrderViews.MallOrderView ready(UUID id, @Nullable Long expectedVersion) {
        MallOrder order = lock(id, expectedVersion);
        order.ready(storeTime.clock().instant());
        orders.saveAndFlush(order);
        publish(MallEvents.Type.MallOrderReady, order);
        return view(id);
    }

    /** Staff book the fitting of an installation order (again, to move it). */
    @Transactional
    public MallOrderViews.MallOrderView schedule(UUID id, @Nullable Long expectedVersion, Instant at,
            @Nullable String repairOrder) {
        MallOrder order = lock(id, expectedVersion);
        order.schedule(at, blankToNull(repairOrder), storeTime.clock().instant());
        orders.saveAndFlush(order);
        publish(MallEvents.Type.MallOrderScheduled, order);
        return view(id);
    }

    /**
     * Hands a pick-up order over when the owner's code matches (409 {@code mall-order-code-wrong}), or records an
     * installation order fitted (no code: the car is in the workshop).
     */
    @Transactional
    public MallOrderViews.MallOrderView complete(UUID id, @Nullable Long expectedVersion, @Nullable String code,
            String actor) {
        MallOrder order = lock(id, expectedVersion);
        if (!order.can(MallOrderStatus.Move.COMPLETE)) {
            throw new ApiException.Conflict("mall-order-move-not-allowed", order.number(), "COMPLETE",
                    order.status().name());
        }
        if (order.fulfilment() == Fulfilment.PICKUP
                && (code == null || !java.security.MessageDigest.isEqual(code.strip().getBytes(
                        java.nio.charset.StandardCharsets.UTF_8), order.pickupCode().getBytes(
                                java.nio.charset.StandardCharsets.UTF_8)))) {
            throw new ApiException.Conflict("mall-order-code-wrong", order.number());
        }
        order.complete(actor, storeTime.clock().instant());
        orders.saveAndFlush(order);
        publish(MallEvents.Type.MallOrderCompleted, order);
        return view(id);
    }

    // --- reads

    @Transactional(readOnly = true)
    public MallOrderViews.MallOrderView view(UUID id) {
        return list.order(id).orElseThrow(() -> new ApiException.NotFound("mall-order", id)).withoutCode();
    }

    /** One of the owner's orders, with its pick-up code; 404 for another member's. */
    @Transactional(readOnly = true)
    public MallOrderViews.MallOrderView ownView(UUID id, UUID member) {
        return list.order(id).filter(o -> o.memberId().equals(member))
                .orElseThrow(() -> new ApiException.NotFound("mall-order", id));
    }

    @Transactional(readOnly = true)
    public PageResult<MallOrderViews.MallOrderView> own(UUID member, SqlPage page) {
        return list.ofMember(member, page);
    }

    @Transactional(readOnly = true)
    public PageResult<MallOrderViews.MallOrderRow> orders(MallOrderList.Filter filter, SqlPage page) {
        return list.orders(filter, page);
    }

    /** Every order the list shows for this filter, in its order, one at a time (an export); how many. */
    @Transactional(readOnly = true)
    public long exportOrders(MallOrderList.Filter filter, SqlPage order,
            java.util.function.Consumer<MallOrderViews.MallOrderRow> sink) {
        return list.eachOrder(filter, order, sink);
    }

    // --- inside

    /** Cancels a locked order not paid and releases its stock. */
    private void cancel(MallOrder order, String reason, Instant now) {
        order.cancel(reason, now);
        orders.saveAndFlush(order);
        products.giveBack(order.id(), quantitiesOf(order.id()), ProductStockKind.RELEASE, reason, SYSTEM);
        publish(MallEvents.Type.MallOrderCancelled, order);
    }

    private MallOrder lock(UUID id) {
        return orders.lock(id).orElseThrow(() -> new ApiException.NotFound("mall-order", id));
    }

    /** A staff move: the order locked, and refused (409 concurrent-update) if it changed since it was read. */
    private MallOrder lock(UUID id, @Nullable Long expectedVersion) {
        MallOrder order = lock(id);
        Versions.expect(MallOrder.class, id, order.version(), expectedVersion);
        return order;
    }

    private Map<UUID, Integer> quantitiesOf(UUID order) {
        Map<UUID, Integer> quantities = new LinkedHashMap<>();
        lines.ofOrder(order).forEach(l -> quantities.merge(l.skuId(), l.quantity(), Integer::sum));
        return quantities;
    }

    /** A cart's quantities by SKU (a SKU twice in the cart counts once with both quantities). */
    private static Map<UUID, Integer> quantities(List<MallOrderRequests.Line> cart) {
        Map<UUID, Integer> quantities = new java.util.TreeMap<>();
        cart.forEach(l -> quantities.merge(l.skuId(), l.quantity(), Integer::sum));
        quantities.forEach((sku, n) -> {
            if (n > 99) {
                throw new ApiException.Unprocessable("mall-quantity-invalid").field("lines");
            }
        });
        return quantities;
    }

    private static long gross(List<Products.Taken> taken) {
        return taken.stream().mapToLong(t -> t.unitPriceFen() * t.quantity()).sum();
    }

    private static BasketLine basketLine(Products.Taken t) {
        return new BasketLine(t.skuId().toString(), BasketLine.Kind.MALL_ITEM, t.skuId().toString(),
                t.categoryId().toString(), t.productName() + " " + t.spec(), t.unitPriceFen() * t.quantity());
    }

    private void publish(MallEvents.Type type, MallOrder o) {
        String store = TenantContext.require().storeCode();
        int items = lines.ofOrder(o.id()).stream().mapToInt(MallOrderLine::quantity).sum();
        events.publish(MallEvents.TOPIC, type.name(), new MallEvents.MallOrderChanged(o.id(), o.number(), store,
                tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null), o.memberId(), o.status(),
                o.fulfilment(), o.grossFen(), o.refundedFen(), items, o.paymentId(), o.version()));
    }

    private static String code() {
        return String.format("%06d", CODES.nextInt(1_000_000));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
