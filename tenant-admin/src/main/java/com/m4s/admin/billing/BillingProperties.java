package com.m4s.admin.billing;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param gracePeriod   how long a group may stay past due before its stores become read-only, on the service's clock
 * @param trialDays     the trial of a group's first subscription
 * @param portalReturn  the group console's address; Stripe's billing portal sends the executive back to
 *                      {@code <portalReturn>/<group>/billing}
 * @param sweepInterval how often the grace period and the subscriptions' quantities are checked
 */
@ConfigurationProperties("m4s.billing")
record BillingProperties(@DefaultValue("14d") Duration gracePeriod, @DefaultValue("30") int trialDays,
        @DefaultValue("http://localhost:5173/group") URI portalReturn,
        @DefaultValue("15m") Duration sweepInterval) {
}
