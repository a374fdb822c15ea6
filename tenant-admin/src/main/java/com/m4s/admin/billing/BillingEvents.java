package com.m4s.admin.billing;

import com.m4s.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the rest of the platform (analytics first) learns about dealer groups' billing, on topic {@value #TOPIC},
 * keyed by the group code (decision 0019's rule for group events), written in the transaction of the change.
 * Amounts are in fen (the currency's smallest unit).
 */
public final class BillingEvents {

    /** The billing topic. */
    public static final String TOPIC = "m4s.billing";

    /** A group's subscription started (TRIALING until {@code trialEnd}, or ACTIVE). */
    public record GroupSubscriptionStarted(UUID eventId, String groupCode, String plan, int quantity,
            String status, @Nullable Instant trialEnd, Instant occurredAt) implements DomainEvent {

        @Override
        public String key() {
            return groupCode;
        }
    }

    /** The plan, the number of billed stores or the cancellation at period end changed. */
    public record GroupSubscriptionChanged(UUID eventId, String groupCode, String plan, int quantity,
            boolean cancelAtPeriodEnd, Instant occurredAt) implements DomainEvent {

        @Override
        public String key() {
            return groupCode;
        }
    }

    /** An invoice of the group failed; its stores become read-only at {@code readOnlyFrom} unless it is paid. */
    public record GroupPastDue(UUID eventId, String groupCode, @Nullable String invoiceId, Instant readOnlyFrom,
            Instant occurredAt) implements DomainEvent {

        @Override
        public String key() {
            return groupCode;
        }
    }

    /** The grace period ran out (or the subscription ended): the group's stores serve reads only. */
    public record GroupStoresReadOnly(UUID eventId, String groupCode, String reason, int stores, Instant occurredAt)
            implements DomainEvent {

        @Override
        public String key() {
            return groupCode;
        }
    }

    /** The group paid (or subscribed again): its stores are writable again. */
    public record GroupBillingRestored(UUID eventId, String groupCode, String status, int stores, Instant occurredAt)
            implements DomainEvent {

        @Override
        public String key() {
            return groupCode;
        }
    }

    /** The group's subscription ended (canceled at period end, or by Stripe). */
    public record GroupSubscriptionEnded(UUID eventId, String groupCode, Instant occurredAt) implements DomainEvent {

        @Override
        public String key() {
            return groupCode;
        }
    }

    /** An invoice of the group was paid. */
    public record InvoicePaid(UUID eventId, String groupCode, String invoiceId, long amountPaid, String currency,
            Instant occurredAt) implements DomainEvent {

        @Override
        public String key() {
            return groupCode;
        }
    }

    /** A payment of an invoice of the group failed. */
    public record InvoicePaymentFailed(UUID eventId, String groupCode, String invoiceId, long amountDue,
            String currency, Instant occurredAt) implements DomainEvent {

        @Override
        public String key() {
            return groupCode;
        }
    }

    private BillingEvents() {
    }
}
