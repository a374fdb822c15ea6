package com.m4s.store.payment;

import com.m4s.platform.stripe.StripeAccess;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.time.StoreTime;
import com.m4s.store.tenant.DealerGroupDirectory;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stripe's events about owners' payments, from the dealer groups' connected accounts (decision 0046). Each is checked
 * by signature, traced to its store and payment by the intent's metadata, checked to come from that store's group's
 * account, and taken in once by its id: the event is recorded in the store's {@code payment_webhook} table in the
 * transaction of its effect, so a repeat (Stripe sends at least once, concurrently at times) finds it and changes
 * nothing. Events may come late and out of order: the online part's state machine ignores old news.
 */
@Service
public class PaymentWebhooks {

    /** The event types taken in; others are acknowledged and ignored. */
    static final Set<String> HANDLED = Set.of("payment_intent.succeeded", "payment_intent.payment_failed",
            "payment_intent.canceled", "payment_intent.processing", "payment_intent.requires_action",
            "charge.refunded", "charge.dispute.created");
    private static final Logger log = LoggerFactory.getLogger(PaymentWebhooks.class);

    /** What became of an event. */
    public record Received(String eventId, String type, String effect) {
    }

    private final StripeAccess stripe;
    private final OnlinePayments online;
    private final OnlinePaymentRepository onlines;
    private final Payments payments;
    private final DealerGroupDirectory groups;
    private final TenantRegistry tenants;
    private final StoreTime storeTime;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    PaymentWebhooks(StripeAccess stripe, OnlinePayments online, OnlinePaymentRepository onlines, Payments payments,
            DealerGroupDirectory groups, TenantRegistry tenants, StoreTime storeTime, JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.stripe = stripe;
        this.online = online;
        this.onlines = onlines;
        this.payments = payments;
        this.groups = groups;
        this.tenants = tenants;
        this.storeTime = storeTime;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Takes in one delivery. 400 {@code webhook-signature-invalid} (nothing written) for a bad or stale signature;
     * otherwise the effect: {@code IGNORED} (a type not taken in), {@code NOT_OURS} (no payment of ours),
     * {@code WRONG_ACCOUNT} (not from the store's group's account), {@code DUPLICATE} (taken in before), or what it
     * changed.
     */
    public Received receive(String payload, @Nullable String signature) {
        Event event = stripe.verify(StripeAccess.Endpoint.CONNECT, payload, signature);
        String type = event.getType();
        if (!HANDLED.contains(type)) {
            return new Received(event.getId(), type, "IGNORED");
        }
        StripeObject object = event.getDataObjectDeserializer().getObject()
                .orElseGet(() -> unsafe(event));
        String account = event.getAccount();
        Optional<PaymentIntent> intent = intentOf(object, account);
        if (intent.isEmpty() || account == null) {
            return new Received(event.getId(), type, "NOT_OURS");
        }
        Map<String, String> metadata = intent.get().getMetadata();
        String store = metadata == null ? null : metadata.get(OnlinePayments.STORE_KEY);
        String payment = metadata == null ? null : metadata.get(OnlinePayments.PAYMENT_KEY);
        Optional<TenantRegistry.Entry> entry = store == null ? Optional.empty() : tenants.find(store);
        if (entry.isEmpty() || payment == null) {
            return new Received(event.getId(), type, "NOT_OURS");
        }
        String groupCode = entry.get().groupCode();
        if (groupCode == null || !groups.connectedAccount(groupCode).map(account::equals).orElse(false)) {
            log.warn("Stripe event {} for store {} came from account {}, not the store's group's", event.getId(),
                    store, account);
            return new Received(event.getId(), type, "WRONG_ACCOUNT");
        }
        UUID paymentId = UUID.fromString(payment);
        String effect = TenantContext.supplyAs(entry.get().tenant(), () -> tx.execute(status ->
                inStore(event, object, intent.get(), paymentId)));
        return new Received(event.getId(), type, Objects.requireNonNull(effect));
    }

    private String inStore(Event event, StripeObject object, PaymentIntent intent, UUID payment) {
        if (onlines.findByPaymentId(payment).filter(p -> intent.getId().equals(p.intentId())
                || p.intentId() == null).isEmpty()) {
            return "NOT_OURS";
        }
        Instant now = storeTime.clock().instant();
        int first = jdbc.sql("insert into payment_webhook (event_id, type, payment_id, object_id, effect,"
                + " stripe_created_at, received_at) values (:id, :type, :payment, :object, 'NONE', :created, :now)"
                + " on conflict do nothing")
                .param("id", event.getId()).param("type", event.getType()).param("payment", payment)
                .param("object", objectId(object))
                .param("created", Timestamp.from(Instant.ofEpochSecond(event.getCreated() == null ? 0
                        : event.getCreated())))
                .param("now", Timestamp.from(now)).update();
        if (first == 0) {
            return "DUPLICATE";
        }
        String effect = switch (event.getType()) {
            case "charge.refunded" -> payments.refundedAtStripe(payment, (Charge) object);
            case "charge.dispute.created" -> payments.disputed(payment, (Dispute) object);
            default -> online.settle(payment, OnlinePayments.intentOf((PaymentIntent) object), "webhook");
        };
        jdbc.sql("update payment_webhook set effect = :effect where event_id = :id").param("effect", effect)
                .param("id", event.getId()).update();
        return effect;
    }

    /** The PaymentIntent an event is about: the object itself, or the charge's or dispute's, asked of Stripe. */
    private Optional<PaymentIntent> intentOf(StripeObject object, @Nullable String account) {
        if (object instanceof PaymentIntent intent) {
            return Optional.of(intent);
        }
        String intentId = object instanceof Charge charge ? charge.getPaymentIntent()
                : object instanceof Dispute dispute ? dispute.getPaymentIntent() : null;
        if (intentId == null || account == null) {
            return Optional.empty();
        }
        return Optional.of(stripe.call(client -> client.v1().paymentIntents().retrieve(intentId,
                StripeAccess.onAccount(account))));
    }

    private static StripeObject unsafe(Event event) {
        try {
            return event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (com.stripe.exception.EventDataObjectDeserializationException e) {
            throw new IllegalStateException("Stripe event " + event.getId() + " could not be read", e);
        }
    }

    private static @Nullable String objectId(StripeObject object) {
        if (object instanceof PaymentIntent intent) {
            return intent.getId();
        }
        if (object instanceof Charge charge) {
            return charge.getId();
        }
        return object instanceof Dispute dispute ? dispute.getId() : null;
    }
}
