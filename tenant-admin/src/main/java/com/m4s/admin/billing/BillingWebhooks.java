package com.m4s.admin.billing;

import com.m4s.platform.events.EventOutbox;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stripe's billing events (decision 0047), each processed once and in any order:
 * <ul>
 * <li>once: the event's id is entered in {@code billing_event} first, in the transaction of its effect
 * ({@code on conflict do nothing}); a second delivery, concurrent or later, waits for the first to commit, finds the
 * id and changes nothing. If the effect fails (Stripe or store-console unreachable), the row goes with it and
 * Stripe's retry processes the event again.</li>
 * <li>in any order: a subscription event older than the subscription state held ({@code subscription_seen_at}) is
 * stale; otherwise the subscription is read again from Stripe and what Stripe holds now is applied, so two events of
 * one second cannot undo each other. A failed invoice makes the group past due only while Stripe still has it open;
 * a paid invoice restores the group only when Stripe's subscription is paid for (trialing or active).</li>
 * </ul>
 * One group's events run one at a time (the account's row lock).
 */
@Service
class BillingWebhooks {

    /** What processing an event did, as recorded. */
    record Outcome(String eventId, String type, String effect) {
    }

    private final BillingAccountRepository accounts;
    private final GroupBilling billing;
    private final StripeBilling stripe;
    private final EventOutbox outbox;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    BillingWebhooks(BillingAccountRepository accounts, GroupBilling billing, StripeBilling stripe, EventOutbox outbox,
            JdbcTemplate jdbc, Clock clock) {
        this.accounts = accounts;
        this.billing = billing;
        this.stripe = stripe;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Outcome handle(Event event) {
        Instant created = Instant.ofEpochSecond(event.getCreated());
        StripeObject object = object(event);
        String objectId = object instanceof Subscription s ? s.getId() : object instanceof Invoice i ? i.getId() : null;
        int entered = jdbc.update("""
                insert into admin.billing_event (event_id, type, object_id, stripe_created_at, received_at, effect)
                values (?, ?, ?, ?, ?, 'processing') on conflict (event_id) do nothing""", event.getId(),
                event.getType(), objectId, Timestamp.from(created), Timestamp.from(clock.instant()));
        if (entered == 0) {
            return new Outcome(event.getId(), event.getType(), "duplicate");
        }
        String customer = object instanceof Subscription s ? s.getCustomer()
                : object instanceof Invoice i ? i.getCustomer() : null;
        Optional<BillingAccount> found = customer == null ? Optional.empty() : accounts.lockByCustomer(customer);
        String effect;
        if (!(object instanceof Subscription) && !(object instanceof Invoice)) {
            effect = "ignored"; // not a billing event (the endpoint may be sent more than it asks for)
        } else if (found.isEmpty()) {
            effect = "unknown-customer";
        } else {
            BillingAccount account = found.get();
            effect = object instanceof Subscription s ? subscription(event.getType(), s, account, created)
                    : invoice(event.getType(), (Invoice) object, account);
            accounts.saveAndFlush(account);
        }
        jdbc.update("update admin.billing_event set effect = ?, group_code = ? where event_id = ?", effect,
                found.map(BillingAccount::groupCode).orElse(null), event.getId());
        return new Outcome(event.getId(), event.getType(), effect);
    }

    private String subscription(String type, Subscription payload, BillingAccount account, Instant created) {
        if (!payload.getId().equals(account.stripeSubscriptionId())) {
            return "other-subscription";
        }
        if (type.endsWith(".trial_will_end")) {
            return "noted";
        }
        if (account.subscriptionSeenAt() != null && created.isBefore(account.subscriptionSeenAt())) {
            return "stale";
        }
        return billing.apply(account, stripe.subscription(payload.getId()), created);
    }

    private String invoice(String type, Invoice payload, BillingAccount account) {
        String subscription = StripeBilling.subscriptionOf(payload);
        if (subscription == null || !subscription.equals(account.stripeSubscriptionId())) {
            return "other-subscription";
        }
        Instant now = clock.instant();
        String currency = payload.getCurrency() == null ? "cny" : payload.getCurrency();
        switch (type) {
            case "invoice.payment_failed" -> {
                Invoice current = stripe.invoice(payload.getId());
                if (!"open".equals(current.getStatus())) {
                    return "stale";
                }
                outbox.publish(BillingEvents.TOPIC, new BillingEvents.InvoicePaymentFailed(UUID.randomUUID(),
                        account.groupCode(), payload.getId(), orZero(current.getAmountDue()), currency, now));
                return billing.pastDue(account, payload.getId()) ? "status:PAST_DUE" : "payment-failed";
            }
            case "invoice.paid" -> {
                outbox.publish(BillingEvents.TOPIC, new BillingEvents.InvoicePaid(UUID.randomUUID(),
                        account.groupCode(), payload.getId(), orZero(payload.getAmountPaid()), currency, now));
                if (account.status().storesReadOnly() || account.status() == BillingStatus.PAST_DUE) {
                    return billing.apply(account, stripe.subscription(subscription), now);
                }
                return "paid";
            }
            default -> {
                return "noted";
            }
        }
    }

    /** The event's object; read whatever the API version the event was made with. */
    private static @Nullable StripeObject object(Event event) {
        var data = event.getDataObjectDeserializer();
        Optional<StripeObject> object = data.getObject();
        if (object.isPresent()) {
            return object.get();
        }
        try {
            return data.deserializeUnsafe();
        } catch (com.stripe.exception.EventDataObjectDeserializationException e) {
            return null;
        }
    }

    private static long orZero(@Nullable Long value) {
        return value == null ? 0 : value;
    }
}
