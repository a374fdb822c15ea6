package com.m4s.store.payment;

import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.http.DependencyUnavailable;
import com.m4s.platform.jobs.JobWork;
import com.m4s.platform.stripe.StripeAccess;
import com.m4s.platform.stripe.StripeRefused;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.time.StoreTime;
import com.m4s.platform.web.ApiException;
import com.m4s.store.coupon.Coupons;
import com.m4s.store.points.EntryKind;
import com.m4s.store.points.Points;
import com.m4s.store.points.SourceType;
import com.m4s.store.tenant.DealerGroupDirectory;
import com.m4s.store.wallet.Wallets;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The online part of a payment (decision 0046): the owner pays the rest of a checkout by WeChat Pay or Alipay through
 * Stripe, on the dealer group's connected account. The payment and its online part are recorded first, holding the
 * coupons, wallet and points (committed); then Stripe is asked, with the payment's idempotency key, outside any
 * transaction; what Stripe answers — now, by webhook, or when the janitor asks — moves the part through
 * {@link #settle}, under the payment's row lock: succeeded → the payment is made; failed, cancelled or timed out →
 * everything held is given back. Refunds' online parts go back through Stripe after the refund is committed.
 */
@Service
public class OnlinePayments {

    /** The janitor's job name. */
    static final String JOB = "online-payment-janitor";
    /** How long after a step the janitor asks Stripe about a part no webhook settled. */
    static final Duration CHECK_AFTER = Duration.ofMinutes(10);
    /** How long an owner has to pay before the attempt is cancelled and what it held given back. */
    static final Duration TIMEOUT = Duration.ofMinutes(30);
    static final String CURRENCY = "cny";
    static final String STORE_KEY = "m4s_store";
    static final String PAYMENT_KEY = "m4s_payment";
    private static final String SYSTEM = "system";
    private static final Logger log = LoggerFactory.getLogger(OnlinePayments.class);

    private final Checkouts checkouts;
    private final PaymentRepository payments;
    private final OnlinePaymentRepository onlines;
    private final OnlineRefundRepository onlineRefunds;
    private final PaymentCouponRepository paymentCoupons;
    private final PaymentViews views;
    private final Coupons coupons;
    private final Wallets wallets;
    private final Points points;
    private final StripeAccess stripe;
    private final DealerGroupDirectory groups;
    private final TenantRegistry tenants;
    private final StoreTime storeTime;
    private final EventOutbox events;
    private final JobWork work;
    private final TransactionTemplate tx;

    OnlinePayments(Checkouts checkouts, PaymentRepository payments, OnlinePaymentRepository onlines,
            OnlineRefundRepository onlineRefunds, PaymentCouponRepository paymentCoupons, PaymentViews views,
            Coupons coupons, Wallets wallets, Points points, StripeAccess stripe, DealerGroupDirectory groups,
            TenantRegistry tenants, StoreTime storeTime, EventOutbox events, JobWork work,
            PlatformTransactionManager transactions) {
        this.checkouts = checkouts;
        this.payments = payments;
        this.onlines = onlines;
        this.onlineRefunds = onlineRefunds;
        this.paymentCoupons = paymentCoupons;
        this.views = views;
        this.coupons = coupons;
        this.wallets = wallets;
        this.points = points;
        this.stripe = stripe;
        this.groups = groups;
        this.tenants = tenants;
        this.storeTime = storeTime;
        this.events = events;
        this.work = work;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * The online methods an owner of the current store may pay with now: none without Stripe or an account; cards
     * only where browsers can be given the publishable key for Stripe.js.
     */
    public List<OnlineMethod> methods() {
        if (!stripe.configured() || account().isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(OnlineMethod.values())
                .filter(m -> m != OnlineMethod.CARD || stripe.publishableKey() != null).toList();
    }

    /** What the owner's browser needs to confirm a card payment with Stripe.js. */
    public record CardConfirmation(String clientSecret, String publishableKey, String account, String jsUrl,
            long amountFen) {
    }

    /**
     * For the owner's card payment waiting for the card: the intent's client secret, the publishable key, the
     * dealer group's account (direct charges) and where Stripe.js is. 404 for another member's payment; 409
     * {@code online-payment-not-card} for one that does not wait for a card.
     */
    public CardConfirmation card(UUID payment, UUID member) {
        OnlinePayment part = onlines.findByPaymentId(payment)
                .filter(p -> views.view(payment).payment().memberId().equals(member))
                .orElseThrow(() -> new ApiException.NotFound("payment", payment));
        String key = stripe.publishableKey();
        if (part.method() != OnlineMethod.CARD || part.status() != OnlinePaymentStatus.REQUIRES_ACTION
                || part.clientSecret() == null || key == null) {
            throw new ApiException.Conflict("online-payment-not-card");
        }
        return new CardConfirmation(part.clientSecret(), key, part.account(), stripe.jsUrl().toString(),
                part.amountFen());
    }

    /**
     * Pays with an online part: the payment (AWAITING_ONLINE, holding its coupons, wallet and points) and its online
     * part are recorded and committed, then Stripe is asked for the PaymentIntent, confirmed with the method, and
     * what the owner must do is kept on the part. A repeat of the key answers the same payment (and asks Stripe
     * again, with the same idempotency key, if the first answer was lost). 409 {@code stripe-not-configured} or
     * {@code online-payment-no-account} when online payment is off here; 503 when Stripe is out of reach (the
     * janitor keeps trying; the owner may repeat the request); 422 {@code stripe-refused} when Stripe refuses —
     * then the payment has failed and given back what it held.
     */
    public PaymentViews.PaymentView start(Checkouts.Pay pay, @Nullable String returnUrl, String key, String actor) {
        UUID id = begin(pay, returnUrl, key, actor);
        reach(id);
        return views.view(id);
    }

    /**
     * The first half of {@link #start}, in the caller's transaction (or one of its own): the payment made, holding its
     * coupons, wallet and points, and its online part written; Stripe is not asked yet. The caller asks with {@link
     * #reach} once its transaction has committed (the mall: the order, its reserved stock and its payment commit
     * together; decision 0051). Answers the payment's id.
     */
    public UUID begin(Checkouts.Pay pay, @Nullable String returnUrl, String key, String actor) {
        if (pay.onlineFen() <= 0 || pay.onlineMethod() == null) {
            throw new ApiException.Unprocessable("payment-online-method-required").field("onlineMethod");
        }
        stripe.requireConfigured();
        String account = account().orElseThrow(() -> new ApiException.Conflict("online-payment-no-account"));
        return Objects.requireNonNull(tx.execute(status -> {
            PaymentViews.PaymentView made = checkouts.pay(pay, key, actor);
            UUID payment = made.payment().id();
            if (onlines.findByPaymentId(payment).isEmpty() && made.payment().status() == PaymentStatus.AWAITING_ONLINE) {
                Instant now = storeTime.clock().instant();
                onlines.saveAndFlush(new OnlinePayment(payment, Objects.requireNonNull(pay.onlineMethod()),
                        pay.onlineFen(), account, returnUrl, now.plus(CHECK_AFTER), now));
                work.mark(JOB, now.plus(CHECK_AFTER));
            }
            return payment;
        }));
    }

    /**
     * Asks Stripe for the PaymentIntent of a part not yet there (CREATED), with the part's idempotency key: a first
     * call creates and confirms it, a repeat after a lost answer gets the same intent back. 422 {@code stripe-refused}
     * when Stripe refuses (the payment has failed and given back what it held); 503 when Stripe is out of reach (the
     * janitor asks again).
     */
    public void reach(UUID payment) {
        OnlinePayment part = onlines.findByPaymentId(payment).orElseThrow();
        if (part.status() != OnlinePaymentStatus.CREATED) {
            return;
        }
        String store = TenantContext.require().storeCode();
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(part.amountFen()).setCurrency(CURRENCY)
                .addPaymentMethodType(part.method().stripeType())
                .putMetadata(STORE_KEY, store).putMetadata(PAYMENT_KEY, payment.toString())
                .setDescription(store + " " + payment);
        if (part.method() == OnlineMethod.CARD) {
            // not confirmed here: the owner's browser confirms it with the card through Stripe.js
        } else if (part.method() == OnlineMethod.WECHAT_PAY) {
            params.setConfirm(true);
            params.setPaymentMethodData(PaymentIntentCreateParams.PaymentMethodData.builder()
                    .setType(PaymentIntentCreateParams.PaymentMethodData.Type.WECHAT_PAY).build())
                    .setPaymentMethodOptions(PaymentIntentCreateParams.PaymentMethodOptions.builder()
                            .setWechatPay(PaymentIntentCreateParams.PaymentMethodOptions.WechatPay.builder()
                                    .setClient(PaymentIntentCreateParams.PaymentMethodOptions.WechatPay.Client.WEB)
                                    .build()).build());
        } else {
            params.setConfirm(true).setPaymentMethodData(PaymentIntentCreateParams.PaymentMethodData.builder()
                    .setType(PaymentIntentCreateParams.PaymentMethodData.Type.ALIPAY).build());
        }
        if (part.returnUrl() != null) {
            params.setReturnUrl(part.returnUrl());
        }
        PaymentIntent intent;
        try {
            intent = stripe.call(client -> client.v1().paymentIntents().create(params.build(),
                    StripeAccess.onAccount(part.account(), part.idempotencyKey())));
        } catch (StripeRefused refused) {
            settle(payment, new OnlinePayment.Intent("", OnlinePaymentStatus.FAILED, null, null, null, null, null,
                    refused.stripeCode(), String.valueOf(refused.getMessage()), null), "api");
            throw refused;
        }
        settle(payment, intentOf(intent), "api");
    }

    /**
     * Takes in what Stripe says about a payment's online part, in a transaction under the payment's row lock, and
     * answers the effect: {@code CONFIRMED} (the payment is made and announced), {@code RELEASED} (it failed and
     * gave back what it held), {@code MOVED} (a step on the way) or {@code NONE} (old or repeated news).
     */
    String settle(UUID payment, OnlinePayment.Intent intent, String source) {
        return Objects.requireNonNull(tx.execute(status -> settleLocked(payment, intent, source)));
    }

    private String settleLocked(UUID paymentId, OnlinePayment.Intent intent, String source) {
        Payment payment = payments.lock(paymentId).orElseThrow(() -> new ApiException.NotFound("payment", paymentId));
        OnlinePayment part = onlines.lockByPayment(paymentId).orElseThrow();
        Instant now = storeTime.clock().instant();
        if (intent.status() == OnlinePaymentStatus.SUCCEEDED && part.status().isFinal()
                && part.status() != OnlinePaymentStatus.SUCCEEDED) {
            return returnLatePayment(payment, part, intent, now, source);
        }
        boolean moved = part.learn(intent, now);
        if (!moved) {
            onlines.saveAndFlush(part);
            return "NONE";
        }
        onlines.saveAndFlush(part);
        String store = TenantContext.require().storeCode();
        String group = tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null);
        if (part.status() == OnlinePaymentStatus.SUCCEEDED && payment.status().allows(PaymentStatus.Move.SUCCEED)) {
            payment.succeeded(now);
            payments.saveAndFlush(payment);
            if (payment.subjectType() == PaymentSubjectType.WALLET_TOP_UP) {
                // the money arrived: into the wallet, with its tier's bonus, in this transaction
                wallets.topUpOnline(payment.memberId(), payment.onlineFen(), walletMethod(part.method()), paymentId,
                        payment.takenBy());
            }
            events.publish(PaymentEvents.TOPIC, PaymentEvents.Type.PaymentMade.name(),
                    Checkouts.recorded(payment, store, group, couponIds(paymentId)));
            log.info("online payment {} of store {} succeeded ({})", paymentId, store, source);
            return "CONFIRMED";
        }
        if (part.status().isFinal() && part.status() != OnlinePaymentStatus.SUCCEEDED
                && payment.status().allows(PaymentStatus.Move.FAIL)) {
            release(payment, now);
            if (part.awaitsClosing()) {
                work.mark(JOB, now);
            }
            log.info("online payment {} of store {} {} ({}): held parts given back", paymentId, store,
                    part.status(), source);
            return "RELEASED";
        }
        return "MOVED";
    }

    /**
     * The owner paid at Stripe after the payment had failed (a failed intent can still be paid on the same page) and
     * given back what it held: the money must not stay with the dealer unaccounted, so all of it goes back, once
     * (the database allows one late return per payment), sent by the janitor like a refund's online part. The
     * payment stays failed; the owner pays the order again if they wish.
     */
    private String returnLatePayment(Payment payment, OnlinePayment part, OnlinePayment.Intent intent, Instant now,
            String source) {
        if (onlineRefunds.existsByPaymentIdAndReason(payment.id(), OnlineRefund.Reason.LATE_PAYMENT)) {
            return "NONE";
        }
        onlineRefunds.saveAndFlush(OnlineRefund.lateReturn(payment.id(), part.amountFen(), now));
        work.mark(JOB, now);
        String store = TenantContext.require().storeCode();
        events.publish(PaymentEvents.TOPIC, PaymentEvents.Type.PaymentPaidLate.name(),
                new PaymentEvents.PaymentPaidLateReturned(payment.id(), store,
                        tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null), payment.memberId(),
                        intent.id().isBlank() ? String.valueOf(part.intentId()) : intent.id(), part.amountFen(),
                        part.method()));
        log.warn("online payment {} of store {} was paid after it had {} ({}): {} fen go back", payment.id(), store,
                part.status(), source, part.amountFen());
        return "RETURNED_LATE_PAYMENT";
    }

    /** Gives back everything a failed payment held: coupons, the wallet spend, points, a multiplier's extra points. */
    private void release(Payment payment, Instant now) {
        UUID id = payment.id();
        String base = "payment-release:" + id;
        String reason = "在线支付未完成 / online payment not completed";
        if (payment.walletFen() > 0) {
            wallets.refund(payment.memberId(), Objects.requireNonNull(payment.walletEntryId()), payment.walletFen(),
                    reason, base + ":wallet", SYSTEM);
        }
        Points.Source source = new Points.Source(SourceType.PAYMENT, id, payment.subjectRef());
        if (payment.pointsUsed() > 0) {
            points.returnRedeemed(payment.memberId(), payment.pointsUsed(), source, base + ":points", SYSTEM);
        }
        if (payment.bonusPoints() > 0) {
            long bonusLeft = points.earnedBySource(List.of(id)).getOrDefault(id, 0L);
            if (bonusLeft > 0) {
                points.changeSource(payment.memberId(), EntryKind.REFUND, source, -bonusLeft, null,
                        base + ":multiplier", SYSTEM);
            }
        }
        for (PaymentCoupon used : paymentCoupons.findByPaymentIdOrderByCreatedAt(id)) {
            coupons.restore(used.memberCouponId(), id, SYSTEM);
        }
        payment.failed(now);
        payments.saveAndFlush(payment);
        String store = TenantContext.require().storeCode();
        events.publish(PaymentEvents.TOPIC, PaymentEvents.Type.PaymentFailed.name(), Checkouts.recorded(payment,
                store, tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null), couponIds(id)));
    }

    /**
     * Asks Stripe where a part is now and takes it in: for the owner back from Alipay, and for the janitor. A part
     * the owner has not paid within {@link #TIMEOUT} is cancelled at Stripe first (if Stripe says it was paid
     * meanwhile, it is taken as paid).
     */
    public PaymentViews.PaymentView check(UUID payment) {
        OnlinePayment part = onlines.findByPaymentId(payment)
                .orElseThrow(() -> new ApiException.NotFound("payment", payment));
        if (part.awaitsClosing()) {
            close(part);
            return views.view(payment);
        }
        if (part.status().isFinal()) {
            return views.view(payment);
        }
        if (part.status() == OnlinePaymentStatus.CREATED) {
            reach(payment);
            return views.view(payment);
        }
        String intentId = Objects.requireNonNull(part.intentId());
        PaymentIntent intent = stripe.call(client -> client.v1().paymentIntents().retrieve(intentId,
                StripeAccess.onAccount(part.account())));
        OnlinePayment.Intent news = intentOf(intent);
        Instant now = storeTime.clock().instant();
        if (!news.status().isFinal() && news.status() != OnlinePaymentStatus.PROCESSING
                && part.createdAt().plus(TIMEOUT).isBefore(now)) {
            news = cancelAtStripe(part);
        }
        settle(payment, news, "check");
        return views.view(payment);
    }

    /** The owner gives up a payment waiting for its online part (to pay another way): cancelled at Stripe, released. */
    public PaymentViews.PaymentView cancel(UUID payment, UUID member) {
        OnlinePayment part = onlines.findByPaymentId(payment)
                .filter(p -> views.view(payment).payment().memberId().equals(member))
                .orElseThrow(() -> new ApiException.NotFound("payment", payment));
        if (part.status().isFinal()) {
            return views.view(payment);
        }
        OnlinePayment.Intent news = part.intentId() == null
                ? new OnlinePayment.Intent("", OnlinePaymentStatus.CANCELED, null, null, null, null, null, null,
                        "cancelled by the owner", null)
                : cancelAtStripe(part);
        settle(payment, news, "owner");
        return views.view(payment);
    }

    /**
     * Cancels a failed part's intent at Stripe, which would otherwise stay payable (the owner could try again on the
     * same Alipay page after the payment had given back what it held). If it was paid meanwhile, the news goes
     * through {@link #settle} like a webhook's: the money goes back whole.
     */
    private void close(OnlinePayment part) {
        OnlinePayment.Intent news = cancelAtStripe(part);
        if (news.status() == OnlinePaymentStatus.SUCCEEDED) {
            settle(part.paymentId(), news, "close");
        }
        tx.executeWithoutResult(status -> onlines.lockByPayment(part.paymentId()).ifPresent(p -> {
            p.closedAtStripe(storeTime.clock().instant());
            onlines.saveAndFlush(p);
        }));
        log.info("online payment {}: failed intent {} closed at Stripe ({})", part.paymentId(), part.intentId(),
                news.status());
    }

    private OnlinePayment.Intent cancelAtStripe(OnlinePayment part) {
        String intentId = Objects.requireNonNull(part.intentId());
        try {
            return intentOf(stripe.call(client -> client.v1().paymentIntents().cancel(intentId,
                    PaymentIntentCancelParams.builder().setCancellationReason(
                            PaymentIntentCancelParams.CancellationReason.ABANDONED).build(),
                    StripeAccess.onAccount(part.account(), "m4s-cancel-" + part.paymentId()))));
        } catch (StripeRefused refused) {
            // it can no longer be cancelled: it was paid (or failed) meanwhile; take in where it is
            return intentOf(stripe.call(client -> client.v1().paymentIntents().retrieve(intentId,
                    StripeAccess.onAccount(part.account()))));
        }
    }

    /**
     * The janitor's round in the current store: parts due a check are asked about (reached, settled, timed out),
     * failed parts' intents are cancelled at Stripe; refunds' online parts and late payments' returns still pending
     * are sent. Stripe out of reach leaves them for the next round.
     *
     * @return how many parts and refunds were looked at
     */
    public int sweep() {
        Instant now = storeTime.clock().instant();
        List<UUID> due = onlines.due(now, Limit.of(100));
        int seen = 0;
        for (UUID payment : due) {
            seen++;
            try {
                check(payment);
            } catch (DependencyUnavailable | StripeRefused e) {
                log.warn("online payment {}: Stripe check failed, again later: {}", payment, e.getMessage());
            }
            tx.executeWithoutResult(status -> onlines.lockByPayment(payment).ifPresent(part -> {
                if (!part.status().isFinal() || part.awaitsClosing()) {
                    Instant next = now.plus(CHECK_AFTER);
                    part.checkAgainAt(next, now);
                    work.mark(JOB, next);
                }
            }));
        }
        List<OnlineRefund> pending = onlineRefunds.findByStatusOrderByCreatedAt(OnlineRefund.Status.PENDING);
        pending.forEach(r -> send(r.id()));
        return seen + pending.size();
    }

    /** Sends the online parts of the payment's refunds that Stripe does not have yet. */
    public void sendRefunds(UUID payment) {
        onlineRefunds.findByPaymentIdOrderByCreatedAt(payment).stream()
                .filter(r -> r.status() == OnlineRefund.Status.PENDING).forEach(r -> send(r.id()));
    }

    private void send(UUID onlineRefund) {
        OnlineRefund refund = onlineRefunds.findById(onlineRefund).orElseThrow();
        OnlinePayment part = onlines.findByPaymentId(refund.paymentId()).orElseThrow();
        Instant now = storeTime.clock().instant();
        try {
            com.stripe.model.Refund made = stripe.call(client -> client.v1().refunds().create(
                    RefundCreateParams.builder().setPaymentIntent(part.intentId()).setAmount(refund.amountFen())
                            .putMetadata(STORE_KEY, TenantContext.require().storeCode())
                            .putMetadata(PAYMENT_KEY, refund.paymentId().toString())
                            .putMetadata("m4s_refund", refund.refundId() == null ? refund.reason().name()
                                    : refund.refundId().toString()).build(),
                    StripeAccess.onAccount(part.account(), refund.idempotencyKey())));
            // under the row's lock: a janitor round and a refund sending the same (one key, one refund at Stripe) agree
            tx.executeWithoutResult(status -> onlineRefunds.lock(onlineRefund)
                    .filter(r -> r.status() == OnlineRefund.Status.PENDING).ifPresent(r -> {
                        r.sent(made.getId(), now);
                        onlineRefunds.saveAndFlush(r);
                    }));
        } catch (StripeRefused refused) {
            log.error("online refund {} refused by Stripe: {}", onlineRefund, refused.getMessage());
            tx.executeWithoutResult(status -> onlineRefunds.lock(onlineRefund)
                    .filter(r -> r.status() == OnlineRefund.Status.PENDING).ifPresent(r -> {
                        r.triedAndFailed(refused.getMessage(), true, now);
                        onlineRefunds.saveAndFlush(r);
                    }));
        } catch (DependencyUnavailable unavailable) {
            tx.executeWithoutResult(status -> onlineRefunds.lock(onlineRefund)
                    .filter(r -> r.status() == OnlineRefund.Status.PENDING).ifPresent(r -> {
                        r.triedAndFailed(unavailable.getMessage(), false, now);
                        onlineRefunds.saveAndFlush(r);
                        work.mark(JOB, now.plus(CHECK_AFTER));
                    }));
        }
    }

    /** How a top-up paid online is named in the wallet's ledger. */
    private static com.m4s.store.wallet.PaymentMethod walletMethod(OnlineMethod method) {
        return switch (method) {
            case WECHAT_PAY -> com.m4s.store.wallet.PaymentMethod.WECHAT_QR;
            case ALIPAY -> com.m4s.store.wallet.PaymentMethod.ALIPAY_QR;
            case CARD -> com.m4s.store.wallet.PaymentMethod.CARD;
        };
    }

    /** The connected account of the current store's dealer group. */
    private java.util.Optional<String> account() {
        String store = TenantContext.require().storeCode();
        return tenants.find(store).map(TenantRegistry.Entry::groupCode).flatMap(groups::connectedAccount);
    }

    private List<UUID> couponIds(UUID payment) {
        return paymentCoupons.findByPaymentIdOrderByCreatedAt(payment).stream().map(PaymentCoupon::memberCouponId)
                .toList();
    }

    /** What a PaymentIntent says, as the part keeps it. */
    static OnlinePayment.Intent intentOf(PaymentIntent intent) {
        var error = intent.getLastPaymentError();
        OnlinePaymentStatus status = OnlinePaymentStatus.ofIntent(intent.getStatus(), error != null);
        var action = intent.getNextAction();
        String type = action == null ? null : action.getType();
        String qrData = null;
        String qrImage = null;
        String redirect = null;
        if (action != null && action.getWechatPayDisplayQrCode() != null) {
            qrData = action.getWechatPayDisplayQrCode().getData();
            qrImage = action.getWechatPayDisplayQrCode().getImageDataUrl();
        }
        if (action != null && action.getAlipayHandleRedirect() != null) {
            redirect = action.getAlipayHandleRedirect().getUrl();
        }
        return new OnlinePayment.Intent(intent.getId(), status, type, qrData, qrImage, redirect,
                intent.getLatestCharge(), error == null ? null : error.getCode(),
                error == null ? null : error.getMessage(), intent.getClientSecret());
    }
}
