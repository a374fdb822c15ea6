package com.m4s.store.payment;

import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.idempotency.Sha256;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.time.StoreTime;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import com.m4s.store.coupon.Coupons;
import com.m4s.store.member.Members;
import com.m4s.store.points.EntryKind;
import com.m4s.store.points.Points;
import com.m4s.store.points.SourceType;
import com.m4s.store.repairorder.RepairOrderService;
import com.m4s.store.wallet.Wallets;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments after they are made (decision 0045): confirmation of money taken at the desk (by the owner in the app, or
 * by staff who saw it), refunds that give each part back by the documented rule, the reconciliation list and its
 * totals, and a member's consumption records.
 */
@Service
public class Payments {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Payments.class);

    private final PaymentRepository payments;
    private final PaymentCouponRepository paymentCoupons;
    private final PaymentRefundRepository refunds;
    private final OnlineRefundRepository onlineRefunds;
    private final PaymentList list;
    private final PaymentViews views;
    private final Coupons coupons;
    private final Wallets wallets;
    private final Points points;
    private final RepairOrderService orders;
    private final Members members;
    private final EventOutbox events;
    private final TenantRegistry tenants;
    private final StoreTime storeTime;

    Payments(PaymentRepository payments, PaymentCouponRepository paymentCoupons, PaymentRefundRepository refunds,
            OnlineRefundRepository onlineRefunds, PaymentList list, PaymentViews views, Coupons coupons, Wallets wallets, Points points,
            RepairOrderService orders, Members members, EventOutbox events, TenantRegistry tenants,
            StoreTime storeTime) {
        this.payments = payments;
        this.paymentCoupons = paymentCoupons;
        this.refunds = refunds;
        this.onlineRefunds = onlineRefunds;
        this.list = list;
        this.views = views;
        this.coupons = coupons;
        this.wallets = wallets;
        this.points = points;
        this.orders = orders;
        this.members = members;
        this.events = events;
        this.tenants = tenants;
        this.storeTime = storeTime;
    }

    @Transactional(readOnly = true)
    public PaymentViews.PaymentView get(UUID id) {
        return views.view(id);
    }

    /** One of the member's payments; 404 for another member's. */
    @Transactional(readOnly = true)
    public PaymentViews.PaymentView getOwn(UUID id, UUID member) {
        PaymentViews.PaymentView view = views.view(id);
        if (!view.payment().memberId().equals(member)) {
            throw new ApiException.NotFound("payment", id);
        }
        return view.forOwner();
    }

    /** Whether the repair order has a payment. */
    @Transactional(readOnly = true)
    public boolean paid(UUID repairOrder) {
        return payments.findLive(PaymentSubjectType.REPAIR_ORDER, repairOrder)
                .filter(p -> p.status() != PaymentStatus.AWAITING_ONLINE).isPresent();
    }

    @Transactional(readOnly = true)
    public PageResult<PaymentViews.PaymentRow> list(PaymentList.Filter filter, SqlPage page) {
        return list.page(filter, page);
    }

    @Transactional(readOnly = true)
    public List<PaymentList.DayTotal> totals(PaymentList.Filter filter) {
        return list.totals(filter);
    }

    @Transactional(readOnly = true)
    public long export(PaymentList.Filter filter, SqlPage order, Consumer<PaymentViews.PaymentRow> sink) {
        return list.each(filter, order, sink);
    }

    /** The owner's member id (404 when the login has no member record). */
    @Transactional(readOnly = true)
    public UUID ownerMember(String subject) {
        return members.ownerContact(subject).memberId();
    }

    /**
     * Confirms a desk payment: by staff who saw the money ({@code member} null), or by the owner it belongs to (404
     * for another member's). A confirmed payment answers as it is.
     */
    @Transactional
    public PaymentViews.PaymentView confirm(UUID id, @Nullable UUID member, @Nullable Long expectedVersion,
            String actor) {
        Payment payment = payments.lock(id).filter(p -> member == null || p.memberId().equals(member))
                .orElseThrow(() -> new ApiException.NotFound("payment", id));
        if (payment.status() != PaymentStatus.PENDING_CONFIRMATION) {
            return views.view(id);
        }
        Versions.expect(Payment.class, id, payment.version(), expectedVersion);
        payment.confirm(actor, storeTime.clock().instant());
        payments.saveAndFlush(payment);
        String store = TenantContext.require().storeCode();
        events.publish(PaymentEvents.TOPIC, PaymentEvents.Type.PaymentConfirmed.name(),
                Checkouts.recorded(payment, store, group(store), couponIds(id)));
        return views.view(id);
    }

    /**
     * Refunds {@code amount} fen of what was paid (decision 0045): shared among what is left of the cash, wallet and
     * points parts in proportion ({@link PaymentSplit}); the wallet part back to the wallet (its bonus first), the
     * points part as returned points, the cash part handed back at the desk; the points the order earned (and a
     * multiplier's extra points) taken back in the same proportion of what was left; coupons restored, while still
     * valid, only by the refund that returns everything. 422 {@code payment-refund-exceeds} beyond what is left; 409
     * for a payment not confirmed yet or refunded whole. A repeat of the key answers the first refund.
     */
    @Transactional
    public PaymentViews.PaymentView refund(UUID id, long amount, String reason, String key, String actor) {
        if (amount <= 0) {
            throw new ApiException.Unprocessable("payment-amount-invalid").field("amountFen");
        }
        Payment payment = payments.lock(id).orElseThrow(() -> new ApiException.NotFound("payment", id));
        String why = reason.strip();
        String hash = sha(id + "|" + amount + "|" + why);
        var earlier = refunds.findByIdempotencyKey(key);
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(hash)) {
                throw new ApiException.Conflict("payment-key-reused", key);
            }
            return views.view(id);
        }
        long[] share = shareOf(payment, amount);
        giveBack(payment, amount, payment.paidFen() - payment.refundedFen(), share, why, key, hash, null, actor);
        return views.view(id);
    }

    /**
     * What a refund of {@code amount} fen would give back now, checked and shared exactly as {@link #refund} would,
     * without refunding: for the refund dialog to show before staff confirm. The same problems as the refund.
     */
    @Transactional(readOnly = true)
    public RefundPreview preview(UUID id, long amount) {
        if (amount <= 0) {
            throw new ApiException.Unprocessable("payment-amount-invalid").field("amountFen");
        }
        Payment payment = payments.findById(id).orElseThrow(() -> new ApiException.NotFound("payment", id));
        long[] share = shareOf(payment, amount);
        boolean everything = amount == payment.paidFen() - payment.refundedFen();
        return new RefundPreview(amount, share[0], share[1], share[2], share[3], payment.onlineMethod(),
                everything && !paymentCoupons.findByPaymentIdOrderByCreatedAt(id).isEmpty());
    }

    /** A refund as it would be: what each part gives back, and whether the coupons come back (a refund of all). */
    public record RefundPreview(long amountFen, long cashFen, long walletFen, long pointsReturned, long onlineFen,
            @Nullable OnlineMethod onlineMethod, boolean restoresCoupons) {
    }

    /**
     * {@code amount} shared among what is left of the cash, wallet, points and online parts ({@link PaymentSplit});
     * 409 when the payment may not be refunded, 422 beyond what is left.
     */
    private long[] shareOf(Payment payment, long amount) {
        if (!payment.status().allows(PaymentStatus.Move.REFUND)) {
            throw new ApiException.Conflict("payment-move-not-allowed", PaymentStatus.Move.REFUND.name(),
                    payment.status().name());
        }
        long left = payment.paidFen() - payment.refundedFen();
        if (amount > left) {
            throw new ApiException.Unprocessable("payment-refund-exceeds", Checkouts.yuan(amount),
                    Checkouts.yuan(left)).field("amountFen");
        }
        List<PaymentRefund> before = refunds.findByPaymentIdOrderByCreatedAt(payment.id());
        long cashLeft = payment.cashFen() - before.stream().mapToLong(PaymentRefund::cashFen).sum();
        long walletLeft = payment.walletFen() - before.stream().mapToLong(PaymentRefund::walletFen).sum();
        long pointsLeft = payment.pointsUsed() - before.stream().mapToLong(PaymentRefund::pointsReturned).sum();
        long onlineLeft = payment.onlineFen() - before.stream().mapToLong(PaymentRefund::onlineFen).sum();
        return PaymentSplit.share(amount, new long[] {cashLeft, walletLeft, pointsLeft, onlineLeft});
    }

    /**
     * Gives back {@code amount} of what is {@code left} of the payment, shared as {@code share} (cash, wallet,
     * points, online): each part to its ledger, the earned and extra points taken back in proportion, the coupons
     * restored by the refund of everything, the refund recorded with its online part (to send to Stripe, or already
     * done there: {@code stripeRefundId}) and announced.
     */
    private PaymentRefund giveBack(Payment payment, long amount, long left, long[] share, String why, String key,
            String hash, @Nullable String stripeRefundId, String actor) {
        UUID id = payment.id();
        String base = "payment-refund:" + id + ":" + key;
        UUID member = payment.memberId();
        UUID walletEntry = null;
        if (share[1] > 0) {
            walletEntry = wallets.refund(member, java.util.Objects.requireNonNull(payment.walletEntryId()), share[1],
                    why, base + ":wallet", actor).entryId();
        }
        Points.Source source = new Points.Source(SourceType.PAYMENT, id, payment.subjectRef());
        UUID pointsEntry = null;
        if (share[2] > 0) {
            pointsEntry = points.returnRedeemed(member, share[2], source, base + ":points", actor).entryId();
        }
        String said = why;
        if (payment.subjectType() == PaymentSubjectType.WALLET_TOP_UP) {
            // what the top-up put in comes out with the money: refused when spent if staff ask, taken as far as the
            // wallet holds if the money has already gone back at Stripe
            var taken = wallets.refundTopUp(member, id, amount, why, base + ":top-up", stripeRefundId == null, actor);
            long shortFen = taken.principalShort() + taken.bonusShort();
            if (shortFen > 0) {
                said = why + "（钱包余额不足，" + Checkouts.yuan(shortFen) + " 元未能扣回 / " + Checkouts.yuan(shortFen)
                        + " yuan could not be taken back from the wallet）";
                log.warn("payment {}: refund at Stripe of a top-up whose money was spent; {} fen not taken back", id,
                        shortFen);
            }
        }
        long reversed = 0;
        if (payment.subjectType() == PaymentSubjectType.REPAIR_ORDER && payment.subjectId() != null) {
            reversed += orders.takeBackShare(payment.subjectId(), amount, left, base + ":earned", actor);
        }
        if (payment.bonusPoints() > 0) {
            long bonusLeft = points.earnedBySource(List.of(id)).getOrDefault(id, 0L);
            long bonusShare = BigInteger.valueOf(bonusLeft).multiply(BigInteger.valueOf(amount))
                    .divide(BigInteger.valueOf(left)).longValueExact();
            if (bonusShare > 0) {
                points.changeSource(member, EntryKind.REFUND, source, -bonusShare, null, base + ":multiplier", actor);
                reversed += bonusShare;
            }
        }
        int restored = 0;
        if (amount == left) {
            for (PaymentCoupon used : paymentCoupons.findByPaymentIdOrderByCreatedAt(id)) {
                if (coupons.restore(used.memberCouponId(), id, actor)) {
                    restored++;
                }
            }
        }
        Instant now = storeTime.clock().instant();
        LocalDate today = now.atZone(storeTime.zone()).toLocalDate();
        PaymentRefund refund = refunds.save(new PaymentRefund(id, new PaymentRefund.Given(amount, share[0], share[1],
                walletEntry, share[2], pointsEntry, share[3], reversed, restored), said, actor, today, key, hash, now));
        if (share[3] > 0) {
            // the online part goes back through Stripe once this is committed (OnlinePayments.sendRefunds)
            OnlineRefund online = new OnlineRefund(refund.id(), id, share[3], "m4s-refund-" + refund.id(), now);
            if (stripeRefundId != null) {
                online.sent(stripeRefundId, now);
            }
            onlineRefunds.save(online);
        }
        payment.refunded(amount, now);
        payments.saveAndFlush(payment);
        String store = TenantContext.require().storeCode();
        events.publish(PaymentEvents.TOPIC, PaymentEvents.Type.PaymentRefunded.name(),
                new PaymentEvents.PaymentRefundRecorded(refund.id(), id, store, group(store), member, amount,
                        share[0], share[1], share[2], share[3], reversed, restored, payment.refundedFen(),
                        payment.status()));
        return refund;
    }

    /**
     * Takes in a refund made at Stripe (in its dashboard) that we did not ask for: what the charge says was
     * refunded beyond the online refunds we know is recorded as a refund of the online part alone, with the earned
     * points taken back in proportion. Answers the effect for the webhook record.
     */
    @Transactional
    public String refundedAtStripe(UUID id, com.stripe.model.Charge charge) {
        Payment payment = payments.lock(id).orElseThrow(() -> new ApiException.NotFound("payment", id));
        long atStripe = charge.getAmountRefunded() == null ? 0 : charge.getAmountRefunded();
        long known = onlineRefunds.findByPaymentIdOrderByCreatedAt(id).stream()
                .filter(r -> r.status() != OnlineRefund.Status.FAILED).mapToLong(OnlineRefund::amountFen).sum();
        if (atStripe <= known || !payment.status().allows(PaymentStatus.Move.REFUND)) {
            return "REFUND_KNOWN";
        }
        List<PaymentRefund> before = refunds.findByPaymentIdOrderByCreatedAt(id);
        long onlineLeft = payment.onlineFen() - before.stream().mapToLong(PaymentRefund::onlineFen).sum();
        long amount = Math.min(atStripe - known, onlineLeft);
        if (amount <= 0) {
            return "REFUND_KNOWN";
        }
        long left = payment.paidFen() - payment.refundedFen();
        String key = "stripe-refund:" + charge.getId() + ":" + atStripe;
        String why = "在 Stripe 退款 / refunded at Stripe";
        var stripeRefunds = charge.getRefunds() == null ? null : charge.getRefunds().getData();
        String stripeRefundId = stripeRefunds == null || stripeRefunds.isEmpty() ? charge.getId()
                : stripeRefunds.get(0).getId();
        giveBack(payment, amount, left, new long[] {0, 0, 0, amount}, why, key, sha(id + "|" + key), stripeRefundId,
                "stripe");
        return "REFUNDED_AT_STRIPE";
    }

    /** A chargeback opened on the payment's online part: marked and announced once. */
    @Transactional
    public String disputed(UUID id, com.stripe.model.Dispute dispute) {
        Payment payment = payments.lock(id).orElseThrow(() -> new ApiException.NotFound("payment", id));
        if (!payment.disputed(storeTime.clock().instant())) {
            return "NONE";
        }
        payments.saveAndFlush(payment);
        String store = TenantContext.require().storeCode();
        events.publish(PaymentEvents.TOPIC, PaymentEvents.Type.PaymentDisputed.name(),
                new PaymentEvents.PaymentDisputeOpened(id, store, group(store), payment.memberId(), dispute.getId(),
                        dispute.getAmount() == null ? 0 : dispute.getAmount(), dispute.getReason()));
        return "DISPUTED";
    }

    private List<UUID> couponIds(UUID payment) {
        return paymentCoupons.findByPaymentIdOrderByCreatedAt(payment).stream().map(PaymentCoupon::memberCouponId)
                .toList();
    }

    private @Nullable String group(String store) {
        return tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null);
    }

    private static String sha(String text) {
        return Sha256.hex(text);
    }
}
