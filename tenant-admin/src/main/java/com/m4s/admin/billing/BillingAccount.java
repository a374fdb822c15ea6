package com.m4s.admin.billing;

import com.m4s.platform.entity.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A dealer group's billing: its Stripe customer and subscription as last seen (from our own calls and from webhooks
 * not older than what is held), its status with the dunning times, and its connected account.
 */
@Entity
@Table(name = "billing_account")
class BillingAccount extends TimestampedEntity {

    @Id
    @Column(name = "group_code")
    private String groupCode;
    @Enumerated(EnumType.STRING)
    private BillingStatus status;
    @Column(name = "plan_code")
    private @Nullable String planCode;
    @Column(name = "stripe_customer_id")
    private @Nullable String stripeCustomerId;
    @Column(name = "stripe_subscription_id")
    private @Nullable String stripeSubscriptionId;
    @Column(name = "stripe_item_id")
    private @Nullable String stripeItemId;
    private int quantity;
    @Column(name = "trial_end")
    private @Nullable Instant trialEnd;
    @Column(name = "current_period_start")
    private @Nullable Instant currentPeriodStart;
    @Column(name = "current_period_end")
    private @Nullable Instant currentPeriodEnd;
    @Column(name = "cancel_at_period_end")
    private boolean cancelAtPeriodEnd;
    @Column(name = "past_due_since")
    private @Nullable Instant pastDueSince;
    @Column(name = "read_only_since")
    private @Nullable Instant readOnlySince;
    @Column(name = "subscription_seen_at")
    private @Nullable Instant subscriptionSeenAt;
    @Column(name = "subscriptions_started")
    private int subscriptionsStarted;
    @Column(name = "stripe_account_id")
    private @Nullable String stripeAccountId;

    protected BillingAccount() {
        this.groupCode = "";
        this.status = BillingStatus.NONE;
    }

    BillingAccount(String groupCode, Instant now) {
        super(now);
        this.groupCode = groupCode;
        this.status = BillingStatus.NONE;
    }

    /** Moves to {@code to} when the move is allowed from the current status; false (nothing changes) otherwise. */
    boolean move(BillingStatus.Move move, BillingStatus to, Instant now) {
        if (!move.allowedFrom(status) || status == to) {
            return false;
        }
        status = to;
        switch (to) {
            case PAST_DUE -> {
                pastDueSince = now;
                readOnlySince = null;
            }
            case READ_ONLY, CANCELED -> {
                if (readOnlySince == null) {
                    readOnlySince = now;
                }
            }
            default -> {
                pastDueSince = null;
                readOnlySince = null;
            }
        }
        touch(now);
        return true;
    }

    /** Records the subscription as Stripe answered or announced it. */
    void seen(StripeBilling.SubscriptionState subscription, @Nullable String plan, Instant seenAt, Instant now) {
        this.stripeSubscriptionId = subscription.id();
        this.stripeItemId = subscription.itemId();
        this.quantity = (int) subscription.quantity();
        this.trialEnd = subscription.trialEnd();
        this.currentPeriodStart = subscription.periodStart();
        this.currentPeriodEnd = subscription.periodEnd();
        this.cancelAtPeriodEnd = subscription.cancelAtPeriodEnd();
        if (plan != null) {
            this.planCode = plan;
        }
        if (subscriptionSeenAt == null || seenAt.isAfter(subscriptionSeenAt)) {
            this.subscriptionSeenAt = seenAt;
        }
        touch(now);
    }

    void customer(String customerId, Instant now) {
        this.stripeCustomerId = customerId;
        touch(now);
    }

    void started(Instant now) {
        subscriptionsStarted++;
        touch(now);
    }

    void connectedAccount(@Nullable String accountId, Instant now) {
        this.stripeAccountId = accountId;
        touch(now);
    }

    /** When the group's stores become read-only (PAST_DUE) or became so (READ_ONLY, CANCELED); null otherwise. */
    @Nullable Instant readOnlyFrom(Duration grace) {
        return switch (status) {
            case PAST_DUE -> pastDueSince == null ? null : pastDueSince.plus(grace);
            case READ_ONLY, CANCELED -> readOnlySince;
            default -> null;
        };
    }

    String groupCode() {
        return groupCode;
    }

    BillingStatus status() {
        return status;
    }

    @Nullable String planCode() {
        return planCode;
    }

    @Nullable String stripeCustomerId() {
        return stripeCustomerId;
    }

    @Nullable String stripeSubscriptionId() {
        return stripeSubscriptionId;
    }

    @Nullable String stripeItemId() {
        return stripeItemId;
    }

    int quantity() {
        return quantity;
    }

    @Nullable Instant trialEnd() {
        return trialEnd;
    }

    @Nullable Instant currentPeriodStart() {
        return currentPeriodStart;
    }

    @Nullable Instant currentPeriodEnd() {
        return currentPeriodEnd;
    }

    boolean cancelAtPeriodEnd() {
        return cancelAtPeriodEnd;
    }

    @Nullable Instant pastDueSince() {
        return pastDueSince;
    }

    @Nullable Instant subscriptionSeenAt() {
        return subscriptionSeenAt;
    }

    int subscriptionsStarted() {
        return subscriptionsStarted;
    }

    @Nullable String stripeAccountId() {
        return stripeAccountId;
    }
}
