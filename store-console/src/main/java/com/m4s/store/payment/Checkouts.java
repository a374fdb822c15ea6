package com.m4s.store.payment;

import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.idempotency.Sha256;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.time.StoreTime;
import com.m4s.platform.web.ApiException;
import com.m4s.store.coupon.Basket;
import com.m4s.store.coupon.BasketLine;
import com.m4s.store.coupon.CouponExplanations;
import com.m4s.store.coupon.CouponOffer;
import com.m4s.store.coupon.CouponOptimiser;
import com.m4s.store.coupon.Coupons;
import com.m4s.store.member.Members;
import com.m4s.store.points.Points;
import com.m4s.store.points.SourceType;
import com.m4s.store.repairorder.LineKind;
import com.m4s.store.repairorder.RepairOrderService;
import com.m4s.store.wallet.PaymentMethod;
import com.m4s.store.wallet.WalletSourceType;
import com.m4s.store.wallet.Wallets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checkout every payment goes through (decision 0045): a basket (a repair order's customer-paid lines, or a desk
 * charge), the member's coupons with the optimiser's recommendation, wallet and points; and the payment itself, in
 * one transaction in the documented order — coupons (re-validated by the optimiser), then the wallet, then points,
 * then cash — the payment row written with its split and published, or nothing at all.
 */
@Service
public class Checkouts {

    /**
     * What is paid for: a repair order, a desk charge of an amount for a description, an amount put into the owner's
     * wallet ({@code walletTopUp}, paid whole online in the app), or an order of the store's mall with its lines
     * ({@code mallOrder}: the mall prices them; decision 0051).
     */
    public record Subject(@Nullable UUID repairOrderId, @Nullable String description, @Nullable Long amountFen,
            boolean walletTopUp, @Nullable MallOrder mallOrder) {

        public Subject(@Nullable UUID repairOrderId, @Nullable String description, @Nullable Long amountFen) {
            this(repairOrderId, description, amountFen, false, null);
        }

        static Subject order(UUID id) {
            return new Subject(id, null, null);
        }

        static Subject topUp(long amountFen) {
            return new Subject(null, null, amountFen, true, null);
        }

        /** An order of the mall: its id, its number and its lines as the mall priced them. */
        public static Subject mall(MallOrder order) {
            return new Subject(null, null, null, false, order);
        }

        /** Stable text for the request hash (not the record's toString, which would change with the record). */
        String hashText() {
            if (mallOrder != null) {
                return "MallOrder[id=" + mallOrder.id() + ", lines=" + mallOrder.lines().stream()
                        .map(l -> l.id() + "x" + l.amountFen()).toList() + "]";
            }
            return walletTopUp ? "WalletTopUp[amountFen=" + amountFen + "]"
                    : "Subject[repairOrderId=" + repairOrderId + ", description=" + description + ", amountFen="
                            + amountFen + "]";
        }
    }

    /** An order of the store's mall as the checkout takes it: the mall keeps the order, the checkout its payment. */
    public record MallOrder(UUID id, String ref, List<BasketLine> lines) {
    }

    /** The least and most an owner may top up online at once, in fen (1 yuan, 50,000 yuan). */
    static final long TOP_UP_MIN_FEN = 100;
    static final long TOP_UP_MAX_FEN = 5_000_000;
    /** The reference a top-up payment is listed with. */
    static final String TOP_UP_REF = "钱包充值";

    /**
     * A payment to make: the coupons chosen, how much from the wallet, how many points, the cash taken at the desk,
     * and the part the owner pays online (with its method; the app only).
     */
    public record Pay(UUID member, Subject subject, List<UUID> coupons, long walletFen, long points, long cashFen,
            @Nullable PaymentMethod cashMethod, long onlineFen, @Nullable OnlineMethod onlineMethod,
            PaymentChannel channel, boolean confirmed, @Nullable String note) {

        /** A payment without an online part. */
        public Pay(UUID member, Subject subject, List<UUID> coupons, long walletFen, long points, long cashFen,
                @Nullable PaymentMethod cashMethod, PaymentChannel channel, boolean confirmed, @Nullable String note) {
            this(member, subject, coupons, walletFen, points, cashFen, cashMethod, 0, null, channel, confirmed, note);
        }
    }

    /** A basket line as the checkout sheet shows it. */
    public record CheckoutLineView(String id, BasketLine.Kind kind, String description, long amountFen) {
    }

    /** One coupon of a combination and what it takes off. */
    public record AppliedView(UUID memberCouponId, String name, long discountFen) {
    }

    /** A combination of coupons: each with its discount, the saving, the multiplier, and what is left to pay. */
    public record CombinationView(List<AppliedView> coupons, long savingFen, int pointsMultiplier, long dueFen) {
    }

    /** A coupon the member holds, whether the recommendation uses it and, if not, why. */
    public record HeldView(UUID memberCouponId, String name, String kind, LocalDate validUntil, boolean recommended,
            @Nullable String notUsedReason, @Nullable String notUsedText) {
    }

    /**
     * The checkout sheet: the lines and their total, the recommended combination and why, the owner's choice if one
     * was asked about, every coupon held, the wallet and the points that may pay.
     */
    public record Quote(PaymentSubjectType subjectType, @Nullable UUID subjectId, String subjectRef,
            List<CheckoutLineView> lines, long grossFen, CombinationView recommended, String explanation,
            @Nullable CombinationView chosen, List<HeldView> held, long walletFen, long pointsAvailable,
            boolean pointsAccepted, long pointsMax) {
    }

    private final PaymentRepository payments;
    private final PaymentCouponRepository paymentCoupons;
    private final PaymentSettings settings;
    private final Coupons coupons;
    private final CouponExplanations explanations;
    private final Wallets wallets;
    private final Points points;
    private final RepairOrderService orders;
    private final Members members;
    private final PaymentViews views;
    private final EventOutbox events;
    private final TenantRegistry tenants;
    private final StoreTime storeTime;

    Checkouts(PaymentRepository payments, PaymentCouponRepository paymentCoupons, PaymentSettings settings,
            Coupons coupons, CouponExplanations explanations, Wallets wallets, Points points,
            RepairOrderService orders, Members members, PaymentViews views, EventOutbox events,
            TenantRegistry tenants, StoreTime storeTime) {
        this.payments = payments;
        this.paymentCoupons = paymentCoupons;
        this.settings = settings;
        this.coupons = coupons;
        this.explanations = explanations;
        this.wallets = wallets;
        this.points = points;
        this.orders = orders;
        this.members = members;
        this.views = views;
        this.events = events;
        this.tenants = tenants;
        this.storeTime = storeTime;
    }

    /**
     * The checkout sheet for the member and what they pay for; with {@code chosen} (possibly empty) also that choice
     * worked out (422 when it cannot be used, as paying it would be); 409 {@code repair-order-paid} for a paid order.
     */
    @Transactional(readOnly = true)
    public Quote quote(UUID member, Subject subject, @Nullable List<UUID> chosen) {
        Target target = target(member, subject);
        LocalDate today = today();
        List<CouponOffer> held = coupons.offers(member);
        var recommendation = CouponOptimiser.recommend(target.basket(), held, today);
        var locale = LocaleContextHolder.getLocale();
        Map<UUID, com.m4s.store.coupon.NotUsed> notUsed = new HashMap<>();
        recommendation.notUsed().forEach(n -> notUsed.put(n.offer().memberCouponId(), n));
        List<UUID> recommendedIds = recommendation.best().applied().stream()
                .map(a -> a.offer().memberCouponId()).toList();
        List<HeldView> heldViews = held.stream().map(o -> {
            var why = notUsed.get(o.memberCouponId());
            return new HeldView(o.memberCouponId(), o.name(), o.kind().name(), o.validUntil(),
                    recommendedIds.contains(o.memberCouponId()), why == null ? null : why.reason().name(),
                    why == null ? null : explanations.notUsed(why, locale));
        }).toList();
        CombinationView best = view(recommendation.best(), target.basket().totalFen());
        CombinationView choice = chosen == null ? null
                : view(CouponOptimiser.evaluate(target.basket(), offers(held, chosen), today),
                        target.basket().totalFen());
        long due = (choice == null ? best : choice).dueFen();
        var wallet = wallets.balance(member);
        var pts = points.balance(member);
        var setting = settings.view();
        return new Quote(target.type(), target.id(), target.ref(), target.basket().lines().stream()
                .map(l -> new CheckoutLineView(l.id(), l.kind(), l.description(), l.amountFen())).toList(),
                target.basket().totalFen(), best, explanations.explain(recommendation.explanation(), locale), choice,
                heldViews, wallet.total(), pts.available(), setting.pointsAccepted(),
                Math.min(pts.available(), settings.maxPoints(due)));
    }

    /**
     * Pays: one transaction, in the documented order. A repeat of the key answers the first payment (409
     * {@code payment-key-reused} for another request). With an online part the payment waits (AWAITING_ONLINE)
     * holding its coupons, wallet and points, and is announced only once Stripe says it is paid ({@link
     * OnlinePayments}). 422 when the parts do not add up to what is due after the
     * coupons ({@code payment-split-mismatch}), the app is asked to take cash ({@code payment-cash-in-app}: online
     * payment comes later), cash has no method, points are not accepted or over the store's share; 409 when the
     * repair order is paid already or not payable, or the wallet or points are short.
     */
    @Transactional
    public PaymentViews.PaymentView pay(Pay pay, String key, String actor) {
        String hash = hash(pay);
        var earlier = payments.findByIdempotencyKey(key);
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(hash)) {
                throw new ApiException.Conflict("payment-key-reused", key);
            }
            return views.view(earlier.get().id());
        }
        Target target = target(pay.member(), pay.subject());
        LocalDate today = today();
        var combination = CouponOptimiser.evaluate(target.basket(), offers(coupons.offers(pay.member()),
                pay.coupons()), today);
        long gross = target.basket().totalFen();
        long due = gross - combination.savingFen();
        requireSplit(pay, due);
        Instant now = storeTime.clock().instant();
        String store = TenantContext.require().storeCode();
        String group = tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null);
        boolean confirmed = pay.channel() == PaymentChannel.APP || pay.confirmed() || pay.cashFen() == 0;
        Payment payment = new Payment(new Payment.Made(pay.member(), target.type(), target.id(), target.ref(),
                pay.channel(), gross, combination.savingFen(), pay.walletFen(), pay.points(), pay.cashFen(),
                pay.cashFen() > 0 ? pay.cashMethod() : null, pay.onlineFen(), pay.onlineMethod(),
                combination.pointsMultiplier(), confirmed, actor, today, blankToNull(pay.note())), key, hash, now);
        UUID id = payment.id();
        // coupons, then the wallet, then points: each ledger posts in this transaction
        for (var applied : combination.applied()) {
            coupons.use(applied.offer().memberCouponId(), pay.member(), id, applied.discountFen(), gross, actor);
        }
        UUID walletEntry = pay.walletFen() == 0 ? null : wallets.spend(pay.member(), pay.walletFen(),
                new Wallets.Source(walletSource(target.type()), target.id(), target.ref()), "payment:" + id + ":wallet",
                actor).entryId();
        Points.Source paymentSource = new Points.Source(SourceType.PAYMENT, id, target.ref());
        UUID pointsEntry = pay.points() == 0 ? null
                : points.redeem(pay.member(), pay.points(), paymentSource, "payment:" + id + ":points", actor)
                        .entryId();
        long bonus = multiplierBonus(target, combination.pointsMultiplier(), paymentSource, id, now, actor);
        payment.debited(walletEntry, pointsEntry, bonus);
        payments.saveAndFlush(payment);
        for (var applied : combination.applied()) {
            paymentCoupons.save(new PaymentCoupon(id, applied.offer().memberCouponId(), applied.offer().templateId(),
                    applied.offer().name(), applied.discountFen(), now));
        }
        paymentCoupons.flush();
        if (payment.status() != PaymentStatus.AWAITING_ONLINE) {
            events.publish(PaymentEvents.TOPIC, PaymentEvents.Type.PaymentMade.name(), recorded(payment, store, group,
                    combination.applied().stream().map(a -> a.offer().memberCouponId()).toList()));
        }
        return views.view(id);
    }

    static PaymentEvents.PaymentRecorded recorded(Payment p, String store, @Nullable String group,
            List<UUID> memberCoupons) {
        return new PaymentEvents.PaymentRecorded(p.id(), store, group, p.memberId(), p.subjectType(), p.subjectId(),
                p.channel(), p.status(), p.grossFen(), p.couponFen(), p.walletFen(), p.pointsUsed(), p.cashFen(),
                p.cashMethod(), p.onlineFen(), p.onlineMethod(), memberCoupons, p.pointsMultiplier(), p.bonusPoints(),
                p.takenBy());
    }

    private static WalletSourceType walletSource(PaymentSubjectType type) {
        return switch (type) {
            case REPAIR_ORDER -> WalletSourceType.REPAIR_ORDER;
            case MALL_ORDER -> WalletSourceType.MALL_ORDER;
            case DESK_CHARGE, WALLET_TOP_UP -> WalletSourceType.DESK_CHARGE;
        };
    }

    /** A multiplier coupon's extra points: (factor − 1) × what the order's lines earned, pending with them. */
    private long multiplierBonus(Target target, int multiplier, Points.Source source, UUID payment, Instant now,
            String actor) {
        if (multiplier <= 1 || target.order() == null) {
            return 0;
        }
        RepairOrderService.Payable order = target.order();
        long bonus = orders.earnedPoints(order.id()) * (multiplier - 1);
        if (bonus <= 0) {
            return 0;
        }
        // pending with the order's own points (activated by the same job, at once when their window has passed), so
        // a refund takes it back from pending or available exactly as it does the order's points
        Instant activatesAt = order.pointsActivateAt();
        Instant when = activatesAt != null && activatesAt.isAfter(now) ? activatesAt : now;
        int ruleVersion = order.ruleVersion() == null ? 0 : order.ruleVersion();
        points.grantPending(target.member(), source, bonus, ruleVersion, when, "payment:" + payment + ":multiplier",
                actor);
        return bonus;
    }

    private void requireSplit(Pay pay, long due) {
        if (pay.walletFen() < 0 || pay.points() < 0 || pay.cashFen() < 0 || pay.onlineFen() < 0) {
            throw new ApiException.Unprocessable("payment-amount-invalid").field("walletFen");
        }
        long parts = pay.walletFen() + pay.points() + pay.cashFen() + pay.onlineFen();
        if (parts != due) {
            throw new ApiException.Unprocessable("payment-split-mismatch", yuan(due), yuan(parts)).field("walletFen");
        }
        if (pay.onlineFen() > 0 && (pay.channel() != PaymentChannel.APP || pay.onlineMethod() == null)) {
            throw new ApiException.Unprocessable("payment-online-method-required").field("onlineMethod");
        }
        if (pay.channel() == PaymentChannel.APP && pay.cashFen() > 0) {
            throw new ApiException.Unprocessable("payment-cash-in-app", yuan(pay.cashFen())).field("cashFen");
        }
        if (pay.cashFen() > 0 && pay.cashMethod() == null) {
            throw new ApiException.Unprocessable("payment-cash-method-required").field("cashMethod");
        }
        if (pay.subject().mallOrder() != null && pay.cashFen() > 0) {
            // the mall is paid in the app: coupons, wallet, points and the rest online
            throw new ApiException.Unprocessable("payment-cash-in-app", yuan(pay.cashFen())).field("cashFen");
        }
        if (pay.subject().walletTopUp() && (!pay.coupons().isEmpty() || pay.walletFen() > 0 || pay.points() > 0
                || pay.cashFen() > 0 || pay.channel() != PaymentChannel.APP)) {
            // money put into the wallet is paid with money: not with coupons, the wallet itself, points or at the desk
            throw new ApiException.Unprocessable("payment-top-up-online-only").field("onlineFen");
        }
        if (pay.points() > 0) {
            var setting = settings.view();
            if (!setting.pointsAccepted()) {
                throw new ApiException.Unprocessable("payment-points-not-accepted").field("points");
            }
            long max = settings.maxPoints(due);
            if (pay.points() > max) {
                throw new ApiException.Unprocessable("payment-points-over-share", pay.points(), max,
                        setting.pointsMaxPercent()).field("points");
            }
        }
    }

    /** What is paid for, for whom, as a basket. */
    private record Target(UUID member, PaymentSubjectType type, @Nullable UUID id, String ref, Basket basket,
            RepairOrderService.@Nullable Payable order) {
    }

    private Target target(UUID member, Subject subject) {
        if (members.contact(member).isEmpty()) {
            throw new ApiException.NotFound("member", member);
        }
        if (subject.mallOrder() != null) {
            MallOrder order = subject.mallOrder();
            var live = payments.findLive(PaymentSubjectType.MALL_ORDER, order.id());
            if (live.isPresent()) {
                throw new ApiException.Conflict("mall-order-paid", order.ref());
            }
            return new Target(member, PaymentSubjectType.MALL_ORDER, order.id(), order.ref(), new Basket(order.lines()),
                    null);
        }
        if (subject.walletTopUp()) {
            Long amount = subject.amountFen();
            if (amount == null || amount < TOP_UP_MIN_FEN || amount > TOP_UP_MAX_FEN) {
                throw new ApiException.Unprocessable("wallet-top-up-amount", yuan(TOP_UP_MIN_FEN), yuan(TOP_UP_MAX_FEN))
                        .field("amountFen");
            }
            Basket basket = new Basket(List.of(new BasketLine("top-up", BasketLine.Kind.OTHER, null, null, TOP_UP_REF,
                    amount)));
            return new Target(member, PaymentSubjectType.WALLET_TOP_UP, null, TOP_UP_REF, basket, null);
        }
        boolean charge = subject.description() != null && !subject.description().isBlank();
        if ((subject.repairOrderId() == null) == !charge) {
            throw new ApiException.Unprocessable("payment-subject").field("repairOrderId");
        }
        if (subject.repairOrderId() != null) {
            UUID orderId = subject.repairOrderId();
            RepairOrderService.Payable order = orders.payable(orderId).orElseThrow(() ->
                    new ApiException.NotFound("repair-order", orderId));
            if (!order.memberId().equals(member)) {
                throw new ApiException.Unprocessable("payment-order-other-member", order.dmsNumber())
                        .field("repairOrderId");
            }
            if (!order.payable()) {
                throw new ApiException.Conflict("repair-order-not-payable", order.dmsNumber(), order.status().name());
            }
            var live = payments.findLive(PaymentSubjectType.REPAIR_ORDER, orderId);
            if (live.isPresent()) {
                throw live.get().status() == PaymentStatus.AWAITING_ONLINE
                        ? new ApiException.Conflict("repair-order-payment-pending", order.dmsNumber())
                        : new ApiException.Conflict("repair-order-paid", order.dmsNumber());
            }
            Basket basket = new Basket(order.lines().stream().map(l -> new BasketLine(l.id().toString(),
                    l.kind() == LineKind.LABOUR ? BasketLine.Kind.LABOUR : BasketLine.Kind.PART, l.partNumber(),
                    null, l.description(), l.amountFen())).toList());
            return new Target(member, PaymentSubjectType.REPAIR_ORDER, orderId, order.dmsNumber(), basket, order);
        }
        String description = java.util.Objects.requireNonNull(subject.description()).strip();
        Long amount = subject.amountFen();
        if (amount == null || amount <= 0) {
            throw new ApiException.Unprocessable("payment-amount-invalid").field("amountFen");
        }
        Basket basket = new Basket(List.of(new BasketLine("charge", BasketLine.Kind.OTHER, null, null, description,
                amount)));
        return new Target(member, PaymentSubjectType.DESK_CHARGE, null, description, basket, null);
    }

    /** The chosen coupons among those held; 422 {@code coupon-unknown} for one the member does not hold. */
    private static List<CouponOffer> offers(List<CouponOffer> held, List<UUID> chosen) {
        Map<UUID, CouponOffer> byId = new HashMap<>();
        held.forEach(o -> byId.put(o.memberCouponId(), o));
        return chosen.stream().distinct().map(id -> {
            CouponOffer offer = byId.get(id);
            if (offer == null) {
                throw new ApiException.Unprocessable("coupon-unknown", id).field("coupons");
            }
            return offer;
        }).toList();
    }

    private static CombinationView view(com.m4s.store.coupon.Combination c, long gross) {
        return new CombinationView(c.applied().stream().map(a -> new AppliedView(a.offer().memberCouponId(),
                a.offer().name(), a.discountFen())).toList(), c.savingFen(), c.pointsMultiplier(),
                gross - c.savingFen());
    }

    private LocalDate today() {
        return storeTime.clock().instant().atZone(storeTime.zone()).toLocalDate();
    }

    private static String hash(Pay pay) {
        String text = pay.member() + "|" + pay.subject().hashText() + "|" + pay.coupons().stream().sorted().toList() + "|"
                + pay.walletFen() + "|" + pay.points() + "|" + pay.cashFen() + "|" + pay.cashMethod() + "|"
                + pay.channel() + "|" + pay.confirmed() + (pay.onlineFen() == 0 ? ""
                        : "|" + pay.onlineFen() + "|" + pay.onlineMethod());
        return Sha256.hex(text);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Fen as yuan for people: 50000 → 500.00. */
    static String yuan(long fen) {
        return String.format(java.util.Locale.ROOT, "%d.%02d", fen / 100, Math.abs(fen % 100));
    }
}
