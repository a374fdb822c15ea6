package com.m4s.admin.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The billing checks that depend on time or may have been missed: a group PAST_DUE for the grace period
 * ({@code m4s.billing.grace-period}, on the injected clock) gets read-only stores; a subscription whose quantity is
 * not the group's billable stores (an update to Stripe that failed after a store changed) is corrected. Runs every
 * {@code m4s.billing.sweep-interval}; tests call {@link #run()} after moving the clock.
 */
@Component
public class BillingSweep {

    private static final Logger log = LoggerFactory.getLogger(BillingSweep.class);

    /** What one run did. */
    public record Result(List<String> readOnly, int quantitiesChecked) {
    }

    private final BillingAccountRepository accounts;
    private final GroupBilling billing;
    private final BillingProperties properties;
    private final Clock clock;

    BillingSweep(BillingAccountRepository accounts, GroupBilling billing, BillingProperties properties, Clock clock) {
        this.accounts = accounts;
        this.billing = billing;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${m4s.billing.sweep-interval:PT15M}",
            initialDelayString = "${m4s.billing.sweep-interval:PT15M}")
    void scheduled() {
        run();
    }

    /** One run; a group that fails (store-console or Stripe unreachable) is tried again at the next run. */
    public Result run() {
        Instant now = clock.instant();
        List<String> readOnly = new java.util.ArrayList<>();
        for (String group : accounts.pastDueSince(now.minus(properties.gracePeriod()))) {
            try {
                if (billing.lockAfterGrace(group)) {
                    readOnly.add(group);
                }
            } catch (RuntimeException e) {
                log.warn("the stores of group {} could not be made read-only; next run tries again: {}", group,
                        e.getMessage());
            }
        }
        List<String> subscribed = accounts.subscribed();
        for (String group : subscribed) {
            try {
                billing.syncQuantity(group, "sweep-" + now.getEpochSecond());
            } catch (RuntimeException e) {
                log.warn("the quantity of group {}'s subscription could not be checked: {}", group, e.getMessage());
            }
        }
        return new Result(List.copyOf(readOnly), subscribed.size());
    }
}
