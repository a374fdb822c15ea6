package com.m4s.admin.billing;

import com.m4s.admin.group.GroupAccess;
import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Open;
import com.m4s.platform.security.Permission;
import com.m4s.platform.stripe.StripeAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A dealer group's subscription and connected account (SAAS-3, decision 0047): operators and the group's executives
 * read them ({@code GROUP_VIEW}) and change them ({@code GROUP_EDIT}); Stripe posts its billing events to the webhook.
 */
@RestController
@Tag(name = "billing", description = "Dealer groups' subscriptions, invoices and connected accounts (SAAS-3)")
class BillingController {

    private static final String GROUP = "/api/admin/groups/{group}";

    private final GroupBilling billing;
    private final BillingWebhooks webhooks;
    private final StripeAccess stripe;

    BillingController(GroupBilling billing, BillingWebhooks webhooks, StripeAccess stripe) {
        this.billing = billing;
        this.webhooks = webhooks;
        this.stripe = stripe;
    }

    @GetMapping(GROUP + "/billing")
    @Allow(Permission.GROUP_VIEW)
    @Operation(summary = "The group's plan, status, billable stores, trial and period, and the plan catalogue")
    GroupBilling.BillingView view(@PathVariable String group) {
        GroupAccess.require(group);
        return billing.view(group);
    }

    @PostMapping(GROUP + "/billing/subscription")
    @Allow(Permission.GROUP_EDIT)
    @Operation(summary = "Start the group's subscription on a plan (the first one with a trial)")
    GroupBilling.BillingView start(@PathVariable String group, @Valid @RequestBody GroupBilling.PlanChoice request) {
        GroupAccess.require(group);
        return billing.start(group, request.plan());
    }

    @PutMapping(GROUP + "/billing/subscription/plan")
    @Allow(Permission.GROUP_EDIT)
    @Operation(summary = "Upgrade or downgrade the plan, prorated")
    GroupBilling.BillingView changePlan(@PathVariable String group,
            @Valid @RequestBody GroupBilling.PlanChoice request) {
        GroupAccess.require(group);
        return billing.changePlan(group, request.plan());
    }

    @PostMapping(GROUP + "/billing/subscription/cancellation")
    @Allow(Permission.GROUP_EDIT)
    @Operation(summary = "Cancel the subscription at the end of the period")
    GroupBilling.BillingView cancel(@PathVariable String group) {
        GroupAccess.require(group);
        return billing.cancelAtPeriodEnd(group, true);
    }

    @DeleteMapping(GROUP + "/billing/subscription/cancellation")
    @Allow(Permission.GROUP_EDIT)
    @Operation(summary = "Keep the subscription after all (take back the cancellation at period end)")
    GroupBilling.BillingView keep(@PathVariable String group) {
        GroupAccess.require(group);
        return billing.cancelAtPeriodEnd(group, false);
    }

    @GetMapping(GROUP + "/billing/invoices")
    @Allow(Permission.GROUP_VIEW)
    @Operation(summary = "The group's invoices, newest first, with Stripe's hosted page and PDF; startingAfter pages")
    StripeBilling.InvoicePage invoices(@PathVariable String group,
            @RequestParam(defaultValue = "12") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Size(max = 100) @Nullable String startingAfter) {
        GroupAccess.require(group);
        return billing.invoices(group, limit, startingAfter);
    }

    @GetMapping(GROUP + "/billing/upcoming-invoice")
    @Allow(Permission.GROUP_VIEW)
    @Operation(summary = "The next invoice as Stripe would make it now, prorations included")
    StripeBilling.UpcomingInvoice upcoming(@PathVariable String group) {
        GroupAccess.require(group);
        return billing.upcoming(group);
    }

    @PostMapping(GROUP + "/billing/portal-session")
    @Allow(Permission.GROUP_EDIT)
    @Operation(summary = "A Stripe billing portal session (payment method, invoices); answers its URL")
    GroupBilling.PortalSession portal(@PathVariable String group) {
        GroupAccess.require(group);
        return billing.portal(group);
    }

    @PutMapping(GROUP + "/payment-account")
    @Allow(Permission.GROUP_EDIT)
    @Operation(summary = "Set the group's Stripe connected account (acct_...; null or blank: none), where owners pay")
    GroupBilling.BillingView paymentAccount(@PathVariable String group,
            @Valid @RequestBody GroupBilling.PaymentAccount request) {
        GroupAccess.require(group);
        return billing.paymentAccount(group, request.stripeAccountId());
    }

    @Open("Stripe posts billing events without a token; the Stripe-Signature header is checked against the webhook"
            + " secret before anything is read, and a bad or stale one is a 400 that changes nothing")
    @PostMapping("/api/admin/billing/stripe-webhook")
    @Operation(summary = "Stripe's billing events (signed); each processed once")
    BillingWebhooks.Outcome webhook(@RequestBody String payload,
            @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
        return webhooks.handle(stripe.verify(StripeAccess.Endpoint.PLATFORM, payload, signature));
    }
}
