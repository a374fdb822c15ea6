package com.m4s.admin.billing;

import com.m4s.platform.stripe.StripeAccess;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.Price;
import com.stripe.model.StripeCollection;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The Stripe requests of billing, on the platform's own account, through {@link StripeAccess} (errors become
 * problems; no keys: 409 {@code stripe-not-configured}). Every request that creates or changes something carries an
 * idempotency key, so a retry after a lost answer changes nothing twice.
 */
@Component
class StripeBilling {

    /** A subscription as billing keeps it: its one item (the per-store price) and its period. */
    record SubscriptionState(String id, String customer, String status, @Nullable String itemId,
            @Nullable String priceId, long quantity, @Nullable Instant trialEnd, @Nullable Instant periodStart,
            @Nullable Instant periodEnd, boolean cancelAtPeriodEnd, Instant created) {

        static SubscriptionState of(Subscription s) {
            SubscriptionItem item = s.getItems() == null || s.getItems().getData() == null
                    || s.getItems().getData().isEmpty() ? null : s.getItems().getData().get(0);
            return new SubscriptionState(s.getId(), s.getCustomer(), s.getStatus(),
                    item == null ? null : item.getId(),
                    item == null || item.getPrice() == null ? null : item.getPrice().getId(),
                    item == null || item.getQuantity() == null ? 0 : item.getQuantity(),
                    instant(s.getTrialEnd()), item == null ? null : instant(item.getCurrentPeriodStart()),
                    item == null ? null : instant(item.getCurrentPeriodEnd()),
                    Boolean.TRUE.equals(s.getCancelAtPeriodEnd()), java.util.Objects.requireNonNull(
                            instant(s.getCreated())));
        }
    }

    /** An invoice as the group console lists it, with Stripe's hosted page and PDF. */
    record InvoiceView(String id, @Nullable String number, @Nullable String status, long total, long amountDue,
            long amountPaid, long amountRemaining, String currency, @Nullable Instant created,
            @Nullable Instant periodStart, @Nullable Instant periodEnd, @Nullable String hostedInvoiceUrl,
            @Nullable String invoicePdf, @Nullable String subscription) {

        static InvoiceView of(Invoice i) {
            return new InvoiceView(i.getId(), i.getNumber(), i.getStatus(), orZero(i.getTotal()),
                    orZero(i.getAmountDue()), orZero(i.getAmountPaid()), orZero(i.getAmountRemaining()),
                    i.getCurrency() == null ? "cny" : i.getCurrency(), instant(i.getCreated()),
                    instant(i.getPeriodStart()), instant(i.getPeriodEnd()), i.getHostedInvoiceUrl(),
                    i.getInvoicePdf(), subscriptionOf(i));
        }
    }

    /** One line of an invoice (a preview's too): a proration says so. */
    record LineView(@Nullable String description, long amount, long quantity, boolean proration,
            @Nullable Instant periodStart, @Nullable Instant periodEnd) {

        static LineView of(InvoiceLineItem line) {
            boolean proration = line.getParent() != null && line.getParent().getSubscriptionItemDetails() != null
                    && Boolean.TRUE.equals(line.getParent().getSubscriptionItemDetails().getProration());
            return new LineView(line.getDescription(), orZero(line.getAmount()),
                    line.getQuantity() == null ? 0 : line.getQuantity(), proration,
                    line.getPeriod() == null ? null : instant(line.getPeriod().getStart()),
                    line.getPeriod() == null ? null : instant(line.getPeriod().getEnd()));
        }
    }

    /** The next invoice as Stripe would make it now: its lines (prorations included) and amounts. */
    record UpcomingInvoice(long subtotal, long total, long amountDue, String currency, @Nullable Instant periodStart,
            @Nullable Instant periodEnd, @Nullable Instant nextPaymentAttempt, List<LineView> lines) {
    }

    /** A page of invoices, newest first; {@code hasMore}: ask again from the last one's id. */
    record InvoicePage(List<InvoiceView> items, boolean hasMore) {
    }

    private final StripeAccess stripe;

    StripeBilling(StripeAccess stripe) {
        this.stripe = stripe;
    }

    boolean configured() {
        return stripe.configured();
    }

    /** Nothing when Stripe keys are configured; 409 {@code stripe-not-configured} otherwise. */
    void requireConfigured() {
        stripe.call(client -> Boolean.TRUE);
    }

    /**
     * The plan's monthly per-store price: found by its lookup key, or made (with its product) when Stripe has none.
     */
    String price(BillingPlan plan) {
        return stripe.call(client -> {
            StripeCollection<Price> found = client.v1().prices().list(PriceListParams.builder()
                    .addLookupKey(plan.lookupKey()).setActive(true).setLimit(1L).build());
            if (found.getData() != null && !found.getData().isEmpty()) {
                return found.getData().get(0).getId();
            }
            return client.v1().prices().create(PriceCreateParams.builder()
                    .setCurrency(plan.currency()).setUnitAmount(plan.monthlyFenPerStore())
                    .setLookupKey(plan.lookupKey())
                    .setRecurring(PriceCreateParams.Recurring.builder()
                            .setInterval(PriceCreateParams.Recurring.Interval.MONTH).build())
                    .setProductData(PriceCreateParams.ProductData.builder().setName("M4S " + plan.name())
                            .build())
                    .putMetadata("m4s-plan", plan.code()).build(),
                    StripeAccess.idempotent("m4s-price-" + plan.lookupKey() + "-" + plan.monthlyFenPerStore()))
                    .getId();
        });
    }

    String customer(String groupCode, String groupName) {
        return stripe.call(client -> client.v1().customers().create(CustomerCreateParams.builder()
                .setName(groupName).putMetadata("m4s-group", groupCode).build(),
                StripeAccess.idempotent("m4s-customer-" + groupCode)).getId());
    }

    SubscriptionState subscribe(String customer, String groupCode, String priceId, long quantity,
            @Nullable Integer trialDays, String idempotencyKey) {
        SubscriptionCreateParams.Builder params = SubscriptionCreateParams.builder().setCustomer(customer)
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(priceId).setQuantity(quantity).build())
                .putMetadata("m4s-group", groupCode);
        if (trialDays != null && trialDays > 0) {
            params.setTrialPeriodDays((long) trialDays);
        } else {
            params.setPaymentBehavior(SubscriptionCreateParams.PaymentBehavior.ALLOW_INCOMPLETE);
        }
        return stripe.call(client -> SubscriptionState.of(client.v1().subscriptions().create(params.build(),
                StripeAccess.idempotent(idempotencyKey))));
    }

    /** Changes the item's quantity (and price, when given), prorated as Stripe computes it. */
    SubscriptionState changeItem(String subscriptionId, String itemId, @Nullable String priceId, long quantity,
            String idempotencyKey) {
        SubscriptionUpdateParams.Item.Builder item = SubscriptionUpdateParams.Item.builder().setId(itemId)
                .setQuantity(quantity);
        if (priceId != null) {
            item.setPrice(priceId);
        }
        return stripe.call(client -> SubscriptionState.of(client.v1().subscriptions().update(subscriptionId,
                SubscriptionUpdateParams.builder().addItem(item.build())
                        .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.CREATE_PRORATIONS).build(),
                StripeAccess.idempotent(idempotencyKey))));
    }

    SubscriptionState cancelAtPeriodEnd(String subscriptionId, boolean cancel, String idempotencyKey) {
        return stripe.call(client -> SubscriptionState.of(client.v1().subscriptions().update(subscriptionId,
                SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(cancel).build(),
                StripeAccess.idempotent(idempotencyKey))));
    }

    SubscriptionState subscription(String subscriptionId) {
        return stripe.call(client -> SubscriptionState.of(client.v1().subscriptions().retrieve(subscriptionId)));
    }

    Invoice invoice(String invoiceId) {
        return stripe.call(client -> client.v1().invoices().retrieve(invoiceId));
    }

    InvoicePage invoices(String customer, int limit, @Nullable String startingAfter) {
        InvoiceListParams.Builder params = InvoiceListParams.builder().setCustomer(customer).setLimit((long) limit);
        if (startingAfter != null) {
            params.setStartingAfter(startingAfter);
        }
        return stripe.call(client -> {
            StripeCollection<Invoice> page = client.v1().invoices().list(params.build());
            List<Invoice> data = page.getData() == null ? List.of() : page.getData();
            return new InvoicePage(data.stream().map(InvoiceView::of).toList(),
                    Boolean.TRUE.equals(page.getHasMore()));
        });
    }

    UpcomingInvoice upcoming(String customer, String subscriptionId) {
        return stripe.call(client -> {
            Invoice preview = client.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder()
                    .setCustomer(customer).setSubscription(subscriptionId).build());
            List<InvoiceLineItem> lines = preview.getLines() == null || preview.getLines().getData() == null
                    ? List.of() : preview.getLines().getData();
            return new UpcomingInvoice(orZero(preview.getSubtotal()), orZero(preview.getTotal()),
                    orZero(preview.getAmountDue()), preview.getCurrency() == null ? "cny" : preview.getCurrency(),
                    instant(preview.getPeriodStart()), instant(preview.getPeriodEnd()),
                    instant(preview.getNextPaymentAttempt()), lines.stream().map(LineView::of).toList());
        });
    }

    String portal(String customer, String returnUrl) {
        return stripe.call(client -> client.v1().billingPortal().sessions().create(
                com.stripe.param.billingportal.SessionCreateParams.builder().setCustomer(customer)
                        .setReturnUrl(returnUrl).build()).getUrl());
    }

    /** The subscription an invoice belongs to (API 2026: under parent.subscription_details). */
    static @Nullable String subscriptionOf(Invoice invoice) {
        return invoice.getParent() == null || invoice.getParent().getSubscriptionDetails() == null ? null
                : invoice.getParent().getSubscriptionDetails().getSubscription();
    }

    static @Nullable Instant instant(@Nullable Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }

    private static long orZero(@Nullable Long value) {
        return value == null ? 0 : value;
    }
}
