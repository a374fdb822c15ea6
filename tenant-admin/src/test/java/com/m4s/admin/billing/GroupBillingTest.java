package com.m4s.admin.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.ServiceTest;
import com.m4s.platform.test.stripe.StripeTestServer;
import com.m4s.platform.test.stripe.WebhookEndpoint;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentMethodAttachParams;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Dealer groups' subscriptions against the Stripe test fixture (its own clock; events delivered by hand) and a
 * store-console stand-in that records what it is told. The grace period runs on the service's clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext // the store-console stand-in is gone after the class
class GroupBillingTest extends ServiceTest {

    private static final String SECRET = "whsec_billing_test";
    private static final StoreConsoleRecorder STORE_CONSOLE = new StoreConsoleRecorder();
    private static final Set<String> BILLING = Set.of("customer.subscription.", "invoice.");

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        StripeTestServer.register(registry);
        registry.add("m4s.stripe.webhook-secret", () -> SECRET);
        registry.add("m4s.store-console.url", STORE_CONSOLE::url);
        registry.add("m4s.billing.sweep-interval", () -> "PT24H");
    }

    @Autowired
    BillingSweep sweep;
    @Autowired
    GroupBilling billing;

    private final StripeTestServer stripe = StripeTestServer.shared();
    private final StripeClient client = stripe.client();
    private WebhookEndpoint endpoint;

    @BeforeAll
    void webhooks() {
        stripe.holdWebhooks(true);
        endpoint = stripe.webhookEndpoint("http://127.0.0.1:" + port + "/api/admin/billing/stripe-webhook", SECRET,
                false);
    }

    @AfterAll
    void stopStandIn() {
        stripe.removeWebhookEndpoint(endpoint);
        STORE_CONSOLE.close();
    }

    @Test
    void aStoreAddedMidPeriodIsBilledProratedAndEveryEventCountsOnceWhateverTheDelivery() throws Exception {
        group("bill_pro", "pro_a");
        Api.Response started = api().post("/api/admin/groups/bill_pro/billing/subscription",
                Map.of("plan", "standard"));
        assertThat(started.status()).as(started.raw()).isEqualTo(200);
        assertThat(started.json().path("status").asString()).isEqualTo("TRIALING");
        assertThat(started.json().path("quantity").asInt()).isEqualTo(1);
        assertThat(Instant.parse(started.json().path("trialEnd").asString()))
                .isEqualTo(stripe.now().plus(Duration.ofDays(30)));
        assertThat(api().post("/api/admin/groups/bill_pro/billing/subscription", Map.of("plan", "premium"))
                .problemType()).isEqualTo("billing-subscription-exists");
        String customer = customer("bill_pro");
        pays(customer, "pm_card_visa");

        stripe.advance(Duration.ofDays(30).plusHours(1)); // the trial ends; the first month is paid
        stripe.advance(Duration.ofDays(10).plusHours(7)); // mid-period
        group("bill_pro", "pro_b");
        Eventually.await(Duration.ofSeconds(30), "the subscription follows the new store",
                () -> billing.view("bill_pro").quantity(), q -> q == 2);

        Subscription subscription = client.v1().subscriptions().retrieve(subscriptionId("bill_pro"));
        SubscriptionItem item = subscription.getItems().getData().getFirst();
        assertThat(item.getQuantity()).isEqualTo(2L);
        long start = item.getCurrentPeriodStart();
        long end = item.getCurrentPeriodEnd();
        long now = stripe.now().getEpochSecond();
        long credit = -prorated(29_900L, end - now, end - start);
        long charge = prorated(2 * 29_900L, end - now, end - start);
        Api.Response upcoming = api().get("/api/admin/groups/bill_pro/billing/upcoming-invoice");
        assertThat(upcoming.status()).as(upcoming.raw()).isEqualTo(200);
        assertThat(upcoming.json().path("lines").findValues("amount")).extracting(JsonNode::asLong)
                .containsExactly(credit, charge, 59_800L);
        assertThat(upcoming.json().path("lines").findValues("proration")).extracting(JsonNode::asBoolean)
                .containsExactly(true, true, false);
        assertThat(upcoming.json().path("amountDue").asLong()).isEqualTo(credit + charge + 59_800L);
        System.out.printf("proration figures: period %d..%d, change at %d: credit %d, charge %d, next %d, due %d%n",
                start, end, now, credit, charge, 59_800L, credit + charge + 59_800L);

        List<Event> events = billingEvents(customer);
        assertThat(events).extracting(Event::getType).contains("customer.subscription.created",
                "customer.subscription.updated", "customer.subscription.trial_will_end", "invoice.created",
                "invoice.finalized", "invoice.paid");
        List<Integer> answers = stripe.deliverConcurrently(endpoint, ids(events), 3, true);

        assertThat(answers).hasSize(3 * events.size()).containsOnly(200);
        assertThat(strings("select event_id from admin.billing_event where group_code = ? order by event_id",
                "bill_pro")).containsExactlyInAnyOrderElementsOf(ids(events));
        assertThat(strings("select effect from admin.billing_event where group_code = ?", "bill_pro"))
                .doesNotContain("duplicate", "processing");
        long paidInvoices = events.stream().filter(e -> e.getType().equals("invoice.paid")).count();
        assertThat(billingEvents("bill_pro", "InvoicePaid")).hasSize((int) paidInvoices);
        assertThat(billingEvents("bill_pro", "GroupSubscriptionStarted")).hasSize(1);
        GroupBilling.BillingView view = billing.view("bill_pro");
        assertThat(view.status()).isEqualTo(BillingStatus.ACTIVE);
        assertThat(view.quantity()).isEqualTo(2);
        assertThat(view.billableStores()).isEqualTo(2);

        Api.Response invoices = api().get("/api/admin/groups/bill_pro/billing/invoices");
        assertThat(invoices.json().path("items").findValuesAsString("status")).contains("paid");
        assertThat(invoices.json().path("items").findValuesAsString("hostedInvoiceUrl")).allMatch(u -> !u.isBlank());
        Api.Response portal = api().post("/api/admin/groups/bill_pro/billing/portal-session", "");
        assertThat(portal.json().path("url").asString()).startsWith(stripe.url());
    }

    @Test
    void anUnpaidGroupsStoresBecomeReadOnlyAfterTheGracePeriodAndWritableAtOnceWhenPaid() throws Exception {
        group("bill_dun", "dun_a", "dun_b");
        assertThat(api().post("/api/admin/groups/bill_dun/billing/subscription", Map.of("plan", "premium"))
                .status()).isEqualTo(200);
        String customer = customer("bill_dun");
        pays(customer, "pm_card_chargeCustomerFail");
        stripe.advance(Duration.ofDays(30).plusHours(1)); // the trial ends; the first invoice fails

        Instant failedAt = clock.freeze().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.set(failedAt);
        List<Event> first = billingEvents(customer);
        Event created = first.stream().filter(e -> e.getType().equals("customer.subscription.created"))
                .findFirst().orElseThrow();
        List<Event> withoutCreated = first.stream().filter(e -> e != created).toList();
        assertThat(withoutCreated).extracting(Event::getType).contains("invoice.payment_failed");
        assertThat(stripe.deliverConcurrently(endpoint, ids(withoutCreated), 3, true)).containsOnly(200);

        Instant readOnlyFrom = failedAt.plus(Duration.ofDays(14));
        GroupBilling.BillingView pastDue = billing.view("bill_dun");
        assertThat(pastDue.status()).isEqualTo(BillingStatus.PAST_DUE);
        assertThat(pastDue.readOnlyFrom()).isEqualTo(readOnlyFrom);
        assertThat(STORE_CONSOLE.calls("PUT /internal/groups/bill_dun/billing")).containsExactly(
                "PUT /internal/groups/bill_dun/billing {\"state\":\"TRIALING\",\"readOnlyFrom\":null}",
                "PUT /internal/groups/bill_dun/billing {\"state\":\"PAST_DUE\",\"readOnlyFrom\":\"" + readOnlyFrom
                        + "\"}");
        assertThat(billingEvents("bill_dun", "GroupPastDue")).hasSize(1);

        clock.advance(Duration.ofDays(14).minusSeconds(1));
        assertThat(sweep.run().readOnly()).doesNotContain("bill_dun");
        assertThat(storeStatuses("bill_dun")).containsExactly("ACTIVE", "ACTIVE");
        clock.advance(Duration.ofSeconds(1));
        assertThat(sweep.run().readOnly()).contains("bill_dun");
        assertThat(sweep.run().readOnly()).as("once").doesNotContain("bill_dun");

        assertThat(billing.view("bill_dun").status()).isEqualTo(BillingStatus.READ_ONLY);
        assertThat(storeStatuses("bill_dun")).containsExactly("READ_ONLY", "READ_ONLY");
        assertThat(STORE_CONSOLE.calls("PUT /internal/stores/dun_").stream().filter(c -> c.contains("/status "))
                .toList()).containsExactly(
                "PUT /internal/stores/dun_a/status {\"status\":\"READ_ONLY\"}",
                "PUT /internal/stores/dun_b/status {\"status\":\"READ_ONLY\"}");
        assertThat(STORE_CONSOLE.calls("PUT /internal/groups/bill_dun/billing").getLast())
                .isEqualTo("PUT /internal/groups/bill_dun/billing {\"state\":\"READ_ONLY\",\"readOnlyFrom\":\"" + readOnlyFrom
                        + "\"}");
        assertThat(billingEvents("bill_dun", "GroupStoresReadOnly")).hasSize(1);
        assertThat(storeEvents("dun_", "StoreReadOnly")).hasSize(2);

        clock.reset(); // tokens are judged by the service's clock
        // a suspension comes first: reactivated while the group is read-only, the store is read-only
        assertThat(api().post("/api/admin/stores/dun_b/suspend", "").json().path("status").asString())
                .isEqualTo("SUSPENDED");
        assertThat(api().post("/api/admin/stores/dun_b/reactivate", "").json().path("status").asString())
                .isEqualTo("READ_ONLY");
        assertThat(api().post("/api/admin/stores/dun_b/suspend", "").json().path("status").asString())
                .isEqualTo("SUSPENDED");

        pays(customer, "pm_card_visa");
        String open = client.v1().subscriptions().retrieve(subscriptionId("bill_dun")).getLatestInvoice();
        assertThat(stripe.payInvoice(open)).isTrue();
        List<Event> later = billingEvents(customer).stream().filter(e -> !first.contains(e)).toList();
        assertThat(later).extracting(Event::getType).contains("invoice.paid");
        assertThat(stripe.deliverConcurrently(endpoint, ids(later), 3, true)).containsOnly(200);

        assertThat(billing.view("bill_dun").status()).isEqualTo(BillingStatus.ACTIVE);
        assertThat(storeStatuses("bill_dun")).containsExactly("ACTIVE", "SUSPENDED");
        assertThat(STORE_CONSOLE.calls("PUT /internal/stores/dun_a").getLast())
                .isEqualTo("PUT /internal/stores/dun_a/status {\"status\":\"ACTIVE\"}");
        assertThat(STORE_CONSOLE.calls("PUT /internal/groups/bill_dun/billing").getLast())
                .isEqualTo("PUT /internal/groups/bill_dun/billing {\"state\":\"ACTIVE\",\"readOnlyFrom\":null}");
        assertThat(billingEvents("bill_dun", "GroupBillingRestored")).hasSize(1);

        // a late event changes nothing it should not: the subscription's creation, older than what is held
        assertThat(stripe.deliver(created.getId(), endpoint)).isEqualTo(200);
        assertThat(strings("select effect from admin.billing_event where event_id = ?", created.getId()))
                .containsExactly("stale");
        assertThat(billing.view("bill_dun").status()).isEqualTo(BillingStatus.ACTIVE);
        // and an old failure, again, is the same event: nothing
        String failure = first.stream().filter(e -> e.getType().equals("invoice.payment_failed")).findFirst()
                .orElseThrow().getId();
        assertThat(stripe.deliver(failure, endpoint)).isEqualTo(200);
        assertThat(billing.view("bill_dun").status()).isEqualTo(BillingStatus.ACTIVE);
        assertThat(billingEvents("bill_dun", "GroupPastDue")).hasSize(1);
    }

    @Test
    void aSubscriptionCanceledAtPeriodEndEndsWithReadOnlyStores() throws Exception {
        group("bill_end", "end_a");
        api().post("/api/admin/groups/bill_end/billing/subscription", Map.of("plan", "standard"));
        String customer = customer("bill_end");
        pays(customer, "pm_card_visa");
        Api.Response canceling = api().post("/api/admin/groups/bill_end/billing/subscription/cancellation", "");
        assertThat(canceling.json().path("cancelAtPeriodEnd").asBoolean()).isTrue();
        stripe.advance(Duration.ofDays(31));

        List<Event> events = billingEvents(customer);
        assertThat(events).extracting(Event::getType).contains("customer.subscription.deleted");
        assertThat(stripe.deliverConcurrently(endpoint, ids(events), 3, true)).containsOnly(200);

        assertThat(billing.view("bill_end").status()).isEqualTo(BillingStatus.CANCELED);
        assertThat(storeStatuses("bill_end")).containsExactly("READ_ONLY");
        assertThat(billingEvents("bill_end", "GroupSubscriptionEnded")).hasSize(1);
        assertThat(STORE_CONSOLE.calls("PUT /internal/groups/bill_end/billing").getLast()).contains("CANCELED");
    }

    @Test
    void aBadOrStaleSignatureIsA400AndWritesNothing() throws Exception {
        String payload = """
                {"id": "evt_forged", "object": "event", "api_version": "%s", "created": %d, "type": "invoice.paid",
                 "data": {"object": {"id": "in_forged", "object": "invoice", "customer": "cus_forged"}}}"""
                .formatted(StripeTestServer.API_VERSION, Instant.now().getEpochSecond());
        long before = Long.parseLong(strings("select count(*) from admin.billing_event").getFirst());

        Api.Response unsigned = anonymous().post("/api/admin/billing/stripe-webhook", payload);
        Api.Response wrongSecret = anonymous().post("/api/admin/billing/stripe-webhook", payload,
                Map.of("Stripe-Signature", stripe.signedRequest(payload, "whsec_other", Instant.now())));
        Api.Response stale = anonymous().post("/api/admin/billing/stripe-webhook", payload,
                Map.of("Stripe-Signature", stripe.signedRequest(payload, SECRET, Instant.now().minusSeconds(3600))));
        Api.Response tampered = anonymous().post("/api/admin/billing/stripe-webhook", payload.replace("\"id\"",
                "\"id\" "), Map.of("Stripe-Signature", stripe.signedRequest(payload, SECRET, Instant.now())));

        for (Api.Response refused : List.of(unsigned, wrongSecret, stale, tampered)) {
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.problemType()).isEqualTo("webhook-signature-invalid");
        }
        assertThat(Long.parseLong(strings("select count(*) from admin.billing_event").getFirst())).isEqualTo(before);
    }

    // ---- helpers

    private void group(String group, String... stores) {
        api().post("/api/admin/groups", Map.of("code", group, "name", "计费集团 " + group));
        for (String store : stores) {
            Api.Response created = api().post("/api/admin/groups/" + group + "/stores", Map.of("code", store,
                    "name", "门店 " + store, "city", "广州", "brand", "BMW", "timeZone", "Asia/Shanghai"));
            assertThat(created.status()).as(created.raw()).isEqualTo(202);
            Eventually.await(Duration.ofSeconds(30), store + " in service",
                    () -> api().get("/api/admin/stores/" + store).json().path("status").asString(),
                    "ACTIVE"::equals);
        }
    }

    private void pays(String customer, String testCard) throws StripeException {
        String pm = client.v1().paymentMethods().attach(testCard,
                PaymentMethodAttachParams.builder().setCustomer(customer).build()).getId();
        client.v1().customers().update(customer, CustomerUpdateParams.builder().setInvoiceSettings(
                CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(pm).build()).build());
    }

    private static long prorated(long amount, long left, long period) {
        return BigDecimal.valueOf(amount * left).divide(BigDecimal.valueOf(period), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    private static String customer(String group) {
        return strings("select stripe_customer_id from admin.billing_account where group_code = ?", group)
                .getFirst();
    }

    private static String subscriptionId(String group) {
        return strings("select stripe_subscription_id from admin.billing_account where group_code = ?", group)
                .getFirst();
    }

    /** The customer's subscription and invoice events, oldest first. */
    private List<Event> billingEvents(String customer) {
        return stripe.events().stream().filter(e -> BILLING.stream().anyMatch(e.getType()::startsWith))
                .filter(e -> customer.equals(customerOf(e))).toList();
    }

    private static String customerOf(Event event) {
        try {
            StripeObject object = event.getDataObjectDeserializer().deserializeUnsafe();
            return object instanceof Subscription s ? s.getCustomer()
                    : object instanceof Invoice i ? i.getCustomer() : null;
        } catch (com.stripe.exception.EventDataObjectDeserializationException e) {
            return null;
        }
    }

    private static List<String> ids(List<Event> events) {
        return events.stream().map(Event::getId).toList();
    }

    private static List<String> billingEvents(String group, String type) {
        return strings("select payload::text from admin.event_outbox where topic = 'm4s.billing' and store_code = ?"
                + " and event_type = ? order by id", group, type);
    }

    private static List<String> storeEvents(String storePrefix, String type) {
        return strings("select store_code from admin.event_outbox where topic = 'm4s.stores' and store_code like ?"
                + " and event_type = ? order by id", storePrefix + "%", type);
    }

    private static List<String> storeStatuses(String group) {
        return strings("select status from admin.store where group_code = ? order by code", group);
    }

    private static List<String> strings(String sql, Object... parameters) {
        try (Connection c = database.connect(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
