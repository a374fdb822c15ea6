package com.m4s.admin.billing;

import com.m4s.admin.group.DealerGroups;
import com.m4s.admin.store.Stores;
import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.web.ApiException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dealer group's subscription (decision 0047): started, changed and canceled here by the group's executives,
 * followed from Stripe's webhooks ({@link BillingWebhooks}) and the grace sweep ({@link BillingSweep}). Every change
 * of status happens under the account's row lock, tells store-console (the stores' status, the console's banner)
 * before it commits, and publishes its {@link BillingEvents} in the same transaction. Without Stripe keys everything
 * here that needs Stripe answers 409 {@code stripe-not-configured}; the view, the plans and the connected account
 * work.
 */
@Service
public class GroupBilling {

    /** A plan of the catalogue; the price is per store and month, in fen. */
    public record PlanView(String code, String nameZh, String nameEn, long monthlyFenPerStore, String currency,
            int rank) {
    }

    /**
     * The group's billing as the group console shows it.
     *
     * @param billableStores the stores the group pays for now (ACTIVE or READ_ONLY)
     * @param quantity       the stores the subscription bills (equal to billableStores once Stripe is told)
     * @param readOnlyFrom   when the stores become read-only (PAST_DUE) or became so (READ_ONLY, CANCELED)
     */
    public record BillingView(String groupCode, boolean stripeConfigured, BillingStatus status,
            @Nullable PlanView plan, long billableStores, int quantity, @Nullable Instant trialEnd,
            @Nullable Instant currentPeriodStart, @Nullable Instant currentPeriodEnd, boolean cancelAtPeriodEnd,
            @Nullable Instant pastDueSince, @Nullable Instant readOnlyFrom, long gracePeriodDays, int trialDays,
            boolean trialAvailable, @Nullable String stripeAccountId, List<PlanView> plans) {
    }

    public record PlanChoice(@NotBlank String plan) {
    }

    /** @param stripeAccountId the group's Stripe connected account, {@code acct_...}; null or blank: none */
    public record PaymentAccount(
            @Nullable @Pattern(regexp = "acct_[A-Za-z0-9]+|", message = "{validation.stripeAccount}")
            String stripeAccountId) {
    }

    public record PortalSession(String url) {
    }

    private final BillingAccountRepository accounts;
    private final BillingPlanRepository plans;
    private final StripeBilling stripe;
    private final StoreConsoleGroups storeConsole;
    private final Stores stores;
    private final DealerGroups groups;
    private final EventOutbox outbox;
    private final JdbcTemplate jdbc;
    private final BillingProperties properties;
    private final Clock clock;

    GroupBilling(BillingAccountRepository accounts, BillingPlanRepository plans, StripeBilling stripe,
            StoreConsoleGroups storeConsole, Stores stores, DealerGroups groups, EventOutbox outbox,
            JdbcTemplate jdbc, BillingProperties properties, Clock clock) {
        this.accounts = accounts;
        this.plans = plans;
        this.stripe = stripe;
        this.storeConsole = storeConsole;
        this.stores = stores;
        this.groups = groups;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public BillingView view(String groupCode) {
        groups.requireExists(groupCode);
        BillingAccount account = accounts.findById(groupCode).orElseGet(() -> new BillingAccount(groupCode,
                clock.instant()));
        return view(account);
    }

    /**
     * Starts the group's subscription on a plan, billing its stores in service; the group's first subscription has a
     * trial ({@code m4s.billing.trial-days}). A group whose subscription ended may start again (no trial); its stores
     * are writable once Stripe says the new one is paid for (at once with a card on file).
     */
    @Transactional
    public BillingView start(String groupCode, String planCode) {
        DealerGroups.GroupView group = groups.get(groupCode);
        BillingPlan plan = plan(planCode);
        stripe.requireConfigured();
        BillingAccount account = lockOrCreate(groupCode);
        if (account.status().subscribed()) {
            throw new ApiException.Conflict("billing-subscription-exists", groupCode);
        }
        long quantity = stores.billableStores(groupCode);
        if (quantity == 0) {
            throw new ApiException.Unprocessable("billing-no-stores", groupCode);
        }
        String price = price(plan);
        String customer = account.stripeCustomerId();
        Instant now = clock.instant();
        if (customer == null) {
            customer = stripe.customer(groupCode, group.name());
            account.customer(customer, now);
        }
        Integer trial = account.subscriptionsStarted() == 0 ? properties.trialDays() : null;
        StripeBilling.SubscriptionState subscription = stripe.subscribe(customer, groupCode, price, quantity, trial,
                "m4s-subscribe-" + groupCode + "-" + account.subscriptionsStarted());
        account.started(now);
        apply(account, subscription, subscription.created());
        outbox.publish(BillingEvents.TOPIC, new BillingEvents.GroupSubscriptionStarted(UUID.randomUUID(), groupCode,
                plan.code(), account.quantity(), subscription.status(), account.trialEnd(), now));
        return view(accounts.saveAndFlush(account));
    }

    /** Moves the subscription to another plan, prorated by Stripe from now to the end of the period. */
    @Transactional
    public BillingView changePlan(String groupCode, String planCode) {
        BillingPlan plan = plan(planCode);
        BillingAccount account = subscribed(groupCode);
        if (plan.code().equals(account.planCode())) {
            return view(account);
        }
        StripeBilling.SubscriptionState subscription = stripe.changeItem(subscriptionId(account), itemId(account),
                price(plan), account.quantity(), "m4s-plan-" + account.stripeSubscriptionId() + "-" + plan.code()
                        + "-" + account.version());
        apply(account, subscription, subscription.created());
        publishChanged(account);
        return view(accounts.saveAndFlush(account));
    }

    /** Cancels the subscription at the end of the period ({@code cancel}), or takes the cancellation back. */
    @Transactional
    public BillingView cancelAtPeriodEnd(String groupCode, boolean cancel) {
        BillingAccount account = subscribed(groupCode);
        if (account.cancelAtPeriodEnd() == cancel) {
            return view(account);
        }
        StripeBilling.SubscriptionState subscription = stripe.cancelAtPeriodEnd(subscriptionId(account), cancel,
                "m4s-cancel-" + account.stripeSubscriptionId() + "-" + cancel + "-" + account.version());
        apply(account, subscription, subscription.created());
        publishChanged(account);
        return view(accounts.saveAndFlush(account));
    }

    /** The group's invoices as Stripe holds them, newest first (read through: Stripe keeps the links fresh). */
    @Transactional(readOnly = true)
    public StripeBilling.InvoicePage invoices(String groupCode, int limit, @Nullable String startingAfter) {
        groups.requireExists(groupCode);
        String customer = accounts.findById(groupCode).map(BillingAccount::stripeCustomerId).orElse(null);
        if (!stripe.configured() || customer == null) {
            stripeConfigured();
            return new StripeBilling.InvoicePage(List.of(), false);
        }
        return stripe.invoices(customer, limit, startingAfter);
    }

    /** The next invoice as Stripe would make it now, with its prorations. */
    @Transactional(readOnly = true)
    public StripeBilling.UpcomingInvoice upcoming(String groupCode) {
        groups.requireExists(groupCode);
        stripe.requireConfigured();
        BillingAccount account = accounts.findById(groupCode).filter(a -> a.status().subscribed())
                .orElseThrow(() -> noSubscription(groupCode));
        return stripe.upcoming(java.util.Objects.requireNonNull(account.stripeCustomerId()), subscriptionId(account));
    }

    /** A session of Stripe's billing portal, where the group manages its payment method and reads its invoices. */
    @Transactional(readOnly = true)
    public PortalSession portal(String groupCode) {
        groups.requireExists(groupCode);
        stripeConfigured();
        String customer = accounts.findById(groupCode).map(BillingAccount::stripeCustomerId)
                .orElseThrow(() -> noSubscription(groupCode));
        return new PortalSession(stripe.portal(customer,
                properties.portalReturn().toString().replaceAll("/+$", "") + "/" + groupCode + "/billing"));
    }

    /** Records the group's connected account and tells store-console, where owners' payments read it. */
    @Transactional
    public BillingView paymentAccount(String groupCode, @Nullable String stripeAccountId) {
        groups.requireExists(groupCode);
        String id = stripeAccountId == null || stripeAccountId.isBlank() ? null : stripeAccountId.strip();
        BillingAccount account = lockOrCreate(groupCode);
        storeConsole.paymentAccount(groupCode, id);
        account.connectedAccount(id, clock.instant());
        return view(accounts.saveAndFlush(account));
    }

    /**
     * Makes the subscription bill the group's stores in service now, prorated by Stripe; nothing when it already
     * does or the group has no subscription. {@code changeId} names the change (a store provisioned, suspended,
     * reactivated), so Stripe applies it once however often it is sent.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void syncQuantity(String groupCode, String changeId) {
        BillingAccount account = accounts.lock(groupCode).orElse(null);
        if (account == null || !account.status().subscribed() || account.stripeItemId() == null) {
            return;
        }
        long billable = stores.billableStores(groupCode);
        if (billable == account.quantity()) {
            return;
        }
        StripeBilling.SubscriptionState subscription = stripe.changeItem(subscriptionId(account), itemId(account),
                null, billable, "m4s-quantity-" + account.stripeSubscriptionId() + "-" + changeId);
        apply(account, subscription, subscription.created());
        publishChanged(account);
        accounts.saveAndFlush(account);
    }

    /** The grace period of a PAST_DUE group ran out: its stores become read-only. False when it no longer applies. */
    @Transactional
    boolean lockAfterGrace(String groupCode) {
        BillingAccount account = accounts.lock(groupCode).orElse(null);
        Instant now = clock.instant();
        if (account == null || account.status() != BillingStatus.PAST_DUE || account.pastDueSince() == null
                || account.pastDueSince().plus(properties.gracePeriod()).isAfter(now)) {
            return false;
        }
        move(account, BillingStatus.Move.LOCK, BillingStatus.READ_ONLY, "grace-period-over");
        accounts.saveAndFlush(account);
        return true;
    }

    /**
     * Applies a subscription as Stripe holds it to the account: plan, quantity, periods, cancellation, and the status
     * it implies (trialing, active: paid for, restoring a past-due or read-only group; past_due, unpaid: past due;
     * canceled: ended). Returns what changed, for the webhook's record.
     */
    String apply(BillingAccount account, StripeBilling.SubscriptionState subscription, Instant seenAt) {
        String plan = subscription.priceId() == null ? null
                : plans.byPrice(subscription.priceId()).map(BillingPlan::code).orElse(null);
        account.seen(subscription, plan, seenAt, clock.instant());
        BillingStatus before = account.status();
        switch (subscription.status()) {
            case "trialing", "active" -> {
                BillingStatus target = "trialing".equals(subscription.status()) ? BillingStatus.TRIALING
                        : BillingStatus.ACTIVE;
                if (before == BillingStatus.NONE) {
                    move(account, BillingStatus.Move.START, target, "started");
                } else if (BillingStatus.Move.RESTORE.allowedFrom(before)) {
                    move(account, BillingStatus.Move.RESTORE, target, "paid");
                } else {
                    move(account, BillingStatus.Move.RENEW, target, "renewed");
                }
            }
            case "past_due", "unpaid" -> move(account, BillingStatus.Move.FAIL, BillingStatus.PAST_DUE, null);
            case "canceled", "incomplete_expired" ->
                    move(account, BillingStatus.Move.END, BillingStatus.CANCELED, "canceled");
            default -> {
                // incomplete: a restarted subscription waiting for its first payment; the group stays as it is
            }
        }
        return account.status() == before ? "subscription" : "status:" + account.status();
    }

    /** An invoice of the subscription failed and is still open: the group is past due (once). */
    boolean pastDue(BillingAccount account, @Nullable String invoiceId) {
        return move(account, BillingStatus.Move.FAIL, BillingStatus.PAST_DUE, invoiceId);
    }

    /**
     * One move of the account's status with its consequences: the stores' status (read-only or writable again),
     * store-console's banner, and the event. Nothing when the move does not apply.
     */
    private boolean move(BillingAccount account, BillingStatus.Move move, BillingStatus to, @Nullable String why) {
        boolean wasReadOnly = account.status().storesReadOnly();
        Instant now = clock.instant();
        if (!account.move(move, to, now)) {
            return false;
        }
        String group = account.groupCode();
        int changedStores = 0;
        if (to.storesReadOnly() && !wasReadOnly) {
            changedStores = stores.setGroupReadOnly(group, true).size();
        } else if (!to.storesReadOnly() && wasReadOnly) {
            changedStores = stores.setGroupReadOnly(group, false).size();
        }
        Instant readOnlyFrom = account.readOnlyFrom(properties.gracePeriod());
        storeConsole.billing(group, to, readOnlyFrom);
        switch (to) {
            case PAST_DUE -> outbox.publish(BillingEvents.TOPIC, new BillingEvents.GroupPastDue(UUID.randomUUID(),
                    group, why, java.util.Objects.requireNonNull(readOnlyFrom), now));
            case READ_ONLY -> outbox.publish(BillingEvents.TOPIC, new BillingEvents.GroupStoresReadOnly(
                    UUID.randomUUID(), group, why == null ? "grace-period-over" : why, changedStores, now));
            case CANCELED -> {
                outbox.publish(BillingEvents.TOPIC, new BillingEvents.GroupSubscriptionEnded(UUID.randomUUID(),
                        group, now));
                if (!wasReadOnly) {
                    outbox.publish(BillingEvents.TOPIC, new BillingEvents.GroupStoresReadOnly(UUID.randomUUID(),
                            group, "canceled", changedStores, now));
                }
            }
            default -> {
                if (move == BillingStatus.Move.RESTORE) {
                    outbox.publish(BillingEvents.TOPIC, new BillingEvents.GroupBillingRestored(UUID.randomUUID(),
                            group, to.name(), changedStores, now));
                }
            }
        }
        return true;
    }

    private void publishChanged(BillingAccount account) {
        outbox.publish(BillingEvents.TOPIC, new BillingEvents.GroupSubscriptionChanged(UUID.randomUUID(),
                account.groupCode(), String.valueOf(account.planCode()), account.quantity(),
                account.cancelAtPeriodEnd(), clock.instant()));
    }

    /** The group's account, locked; made (NONE) when the group has none yet, whoever gets there first. */
    private BillingAccount lockOrCreate(String groupCode) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into admin.billing_account (group_code, status, created_at, updated_at, version)
                values (?, 'NONE', ?, ?, 0) on conflict (group_code) do nothing""", groupCode, now, now);
        return accounts.lock(groupCode).orElseThrow();
    }

    private BillingAccount subscribed(String groupCode) {
        groups.requireExists(groupCode);
        stripe.requireConfigured();
        return accounts.lock(groupCode).filter(a -> a.status().subscribed() && a.stripeSubscriptionId() != null)
                .orElseThrow(() -> noSubscription(groupCode));
    }

    private BillingPlan plan(String code) {
        return plans.findById(code).filter(BillingPlan::active)
                .orElseThrow(() -> new ApiException.Unprocessable("billing-plan-unknown", code).field("plan"));
    }

    /** The plan's Stripe price, found or made at first use and remembered. */
    private String price(BillingPlan plan) {
        String known = plan.stripePriceId();
        if (known != null) {
            return known;
        }
        String price = stripe.price(plan);
        plan.priceFound(price, clock.instant());
        plans.saveAndFlush(plan);
        return price;
    }

    private void stripeConfigured() {
        stripe.requireConfigured();
    }

    private static String subscriptionId(BillingAccount account) {
        return java.util.Objects.requireNonNull(account.stripeSubscriptionId());
    }

    private static String itemId(BillingAccount account) {
        return java.util.Objects.requireNonNull(account.stripeItemId());
    }

    private static ApiException noSubscription(String groupCode) {
        return new ApiException.Conflict("billing-no-subscription", groupCode);
    }

    private BillingView view(BillingAccount account) {
        PlanView plan = account.planCode() == null ? null
                : plans.findById(account.planCode()).map(BillingPlan::view).orElse(null);
        Duration grace = properties.gracePeriod();
        return new BillingView(account.groupCode(), stripe.configured(), account.status(), plan,
                stores.billableStores(account.groupCode()), account.quantity(), account.trialEnd(),
                account.currentPeriodStart(), account.currentPeriodEnd(), account.cancelAtPeriodEnd(),
                account.pastDueSince(), account.readOnlyFrom(grace), grace.toDays(), properties.trialDays(),
                account.subscriptionsStarted() == 0, account.stripeAccountId(),
                plans.catalogue().stream().map(BillingPlan::view).toList());
    }
}
