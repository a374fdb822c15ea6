package com.m4s.store.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.stripe.StripeTestServer;
import com.m4s.platform.test.stripe.WebhookEndpoint;
import com.m4s.store.support.LoyaltyScenarioTest;
import com.m4s.store.support.StoreConsoleTest;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.RefundCreateParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Owners' online payments (issue 18, decision 0046) as scenarios against the Stripe test fixture: the rest of an
 * order paid by WeChat Pay and confirmed by the webhook, every event delivered three times concurrently and shuffled
 * with exactly one effect; a failed Alipay payment giving back the coupons, wallet and points it held; the janitor
 * completing a payment whose webhook never came and releasing one never paid; money paid at Stripe after its payment
 * had failed sent back whole; refunds through Stripe, one made in Stripe's dashboard, a chargeback; bad and stale
 * signatures refused with nothing written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlinePaymentsTest extends LoyaltyScenarioTest {

    private static final String STORE = "pay_online";
    private static final String ACCOUNT = "acct_m4stestgroup";
    private static final Duration WEBHOOKS = Duration.ofSeconds(20);

    private final StripeTestServer stripe = StripeTestServer.shared();
    private WebhookEndpoint endpoint;

    @Autowired
    private OnlinePayments online;
    @Autowired
    private TenantRegistry tenants;

    OnlinePaymentsTest() {
        super(STORE, "1350000");
    }

    @BeforeAll
    void storeWithOnlinePayment() {
        provision(STORE);
        stripe.connectedAccount(ACCOUNT);
        Api.Response account = asService().put("/internal/groups/" + GROUP + "/payment-account",
                Map.of("stripeAccountId", ACCOUNT));
        assertThat(account.status()).as(account.raw()).isEqualTo(200);
        endpoint = stripe.webhookEndpoint("http://127.0.0.1:" + port + "/api/payments/stripe/webhook",
                StoreConsoleTest.STRIPE_CONNECT_SECRET, true);
    }

    @AfterEach
    void webhooksFlowAgain() {
        stripe.holdWebhooks(false);
    }

    @AfterAll
    void endpointGone() {
        stripe.removeWebhookEndpoint(endpoint);
    }

    @Test
    void anOwnerPaysTheRestOfAnOrderByWeChatPayAndTheWebhookConfirmsItOnceWhateverComesAgain() throws Exception {
        String member = member("微信支付");
        topUp(member, 10_000);
        String order = settledOrder(member, "ONL-RO-1", line(1, "LABOUR", null, "300.00", "CUSTOMER"));
        Api owner = owner(member, "online-owner-1");
        assertThat(owner.get(base + "/me/online-payment").json().path("methods").valueStream()
                .map(JsonNode::asString).toList()).containsExactly("WECHAT_PAY", "ALIPAY", "CARD");

        Api.Response started = owner.post(base + "/me/repair-orders/" + order + "/payments",
                appPay(10_000, 0, 20_000, "WECHAT_PAY", null, List.of()), Map.of("Idempotency-Key", "wx-1"));
        assertThat(started.status()).as(started.raw()).isEqualTo(200);
        JsonNode p = started.json().path("payment");
        String id = p.path("id").asString();
        assertThat(p.path("status").asString()).as("held until Stripe says it is paid").isEqualTo("AWAITING_ONLINE");
        assertThat(List.of(p.path("walletFen").asLong(), p.path("onlineFen").asLong())).containsExactly(10_000L,
                20_000L);
        JsonNode part = started.json().path("online");
        assertThat(part.path("status").asString()).isEqualTo("REQUIRES_ACTION");
        assertThat(part.path("actionType").asString()).isEqualTo("wechat_pay_display_qr_code");
        assertThat(part.path("qrImage").asString()).startsWith("data:image/png;base64,");
        String intentId = part.path("intentId").asString();
        PaymentIntent atStripe = stripe.client().v1().paymentIntents().retrieve(intentId, onAccount());
        assertThat(atStripe.getAmount()).isEqualTo(20_000L);
        assertThat(atStripe.getCurrency()).isEqualTo("cny");
        assertThat(atStripe.getMetadata()).containsEntry("m4s_store", STORE).containsEntry("m4s_payment", id);
        assertThat(walletEntries(member)).as("the wallet part is held").containsExactly("TOP_UP 10000 0", "SPEND -10000 0");
        assertThat(onlineEvents(member)).as("nothing announced while it waits").isEmpty();
        // the same request again answers the same payment and makes no second intent
        Api.Response again = owner.post(base + "/me/repair-orders/" + order + "/payments",
                appPay(10_000, 0, 20_000, "WECHAT_PAY", null, List.of()), Map.of("Idempotency-Key", "wx-1"));
        assertThat(again.json().path("online").path("intentId").asString()).isEqualTo(intentId);
        // while it waits, the order cannot be paid another way
        Api.Response second = owner.get(base + "/me/repair-orders/" + order + "/checkout");
        assertThat(second.status()).as(second.raw()).isEqualTo(409);
        assertThat(second.problemType()).isEqualTo("repair-order-payment-pending");

        // the owner scans the code and authorises: Stripe's webhook confirms the payment
        authorize(part.path("qrData").asString(), "succeed");
        JsonNode paid = Eventually.await(WEBHOOKS, "the payment confirmed by the webhook",
                () -> owner.get(base + "/me/payments/" + id).json(),
                v -> v.path("payment").path("status").asString().equals("CONFIRMED"));
        assertThat(paid.path("online").path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(paid.path("refundableFen").asLong()).isEqualTo(30_000);
        assertThat(paid.path("webhooks").size()).as("the owner does not see Stripe's events").isZero();
        assertThat(onlineEvents(member)).containsExactly("PaymentMade CONFIRMED 30000 10000 20000 WECHAT_PAY");
        assertThat(owner.get(base + "/me/payables").json().size()).isZero();

        // every event of the intent delivered again, three times each, concurrently and shuffled: nothing changes
        List<String> ids = stripe.events().stream().filter(e -> intentId.equals(objectId(e))).map(e -> e.getId())
                .toList();
        assertThat(ids).isNotEmpty();
        // Stripe's own deliveries of them done first (requires_action may still be on its way after succeeded)
        assertThat(stripe.awaitWebhooks(WEBHOOKS)).isTrue();
        List<String> before = webhooks(id);
        List<Integer> statuses = stripe.deliverConcurrently(endpoint, ids, 3, true);
        assertThat(statuses).hasSize(ids.size() * 3).allMatch(s -> s == 200);
        assertThat(webhooks(id)).isEqualTo(before);
        assertThat(webhooks(id)).contains("payment_intent.succeeded CONFIRMED");
        assertThat(onlineEvents(member)).hasSize(1);
        assertThat(walletEntries(member)).containsExactly("TOP_UP 10000 0", "SPEND -10000 0");
        JsonNode staffView = manager().get(base + "/payments/" + id).json();
        assertThat(staffView.path("webhooks").valueStream().map(w -> w.path("type").asString()).toList())
                .contains("payment_intent.succeeded");
        assertLedgersConsistent();
    }

    @Test
    void aFailedAlipayPaymentGivesBackTheCouponWalletAndPointsItHeldAndTheOrderCanBePaidAgain() throws Exception {
        String member = member("支付宝失败");
        topUp(member, 5_000);
        addPoints(member, 2_000);
        String over100 = issue(coupon("满100减20", "THRESHOLD", "ORDER", null, Map.of("valueFen", 2_000,
                "thresholdFen", 10_000)), member);
        String order = settledOrder(member, "ONL-RO-2", line(1, "LABOUR", null, "200.00", "CUSTOMER"));
        Api owner = owner(member, "online-owner-2");

        Api.Response started = owner.post(base + "/me/repair-orders/" + order + "/payments",
                appPay(5_000, 2_000, 11_000, "ALIPAY", "https://owner.example/pay/back", List.of(over100)),
                Map.of("Idempotency-Key", "ali-1"));
        assertThat(started.status()).as(started.raw()).isEqualTo(200);
        String id = started.json().path("payment").path("id").asString();
        JsonNode part = started.json().path("online");
        assertThat(part.path("actionType").asString()).isEqualTo("alipay_handle_redirect");
        assertThat(couponStates(member)).containsExactly("满100减20 USED");

        // Alipay declines: the webhook fails the payment and everything held comes back
        authorize(part.path("redirectUrl").asString(), "fail");
        JsonNode failed = Eventually.await(WEBHOOKS, "the payment failed by the webhook",
                () -> owner.get(base + "/me/payments/" + id).json(),
                v -> v.path("payment").path("status").asString().equals("FAILED"));
        assertThat(failed.path("online").path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("online").path("failureMessage").asString()).isNotBlank();
        assertThat(walletEntries(member)).containsExactly("TOP_UP 5000 0", "SPEND -5000 0", "REFUND 5000 0");
        assertThat(points(member)).containsExactly("ADJUST 2000 STAFF_ADJUSTMENT", "GRANT_PENDING 0 REPAIR_ORDER_LINE",
                "REDEEM -2000 PAYMENT", "REDEEM_RETURN 2000 PAYMENT");
        assertThat(couponStates(member)).containsExactly("满100减20 AVAILABLE");
        assertThat(onlineEvents(member)).containsExactly("PaymentFailed FAILED 20000 5000 11000 ALIPAY");
        // the failed intent would stay payable at Stripe: the janitor cancels it there
        sweep();
        assertThat(stripe.client().v1().paymentIntents().retrieve(part.path("intentId").asString(), onAccount())
                .getStatus()).isEqualTo("canceled");

        // the order is payable again: from the wallet, topped up, with the same coupon
        topUp(member, 20_000);
        Api.Response retry = owner.post(base + "/me/repair-orders/" + order + "/payments",
                appPay(18_000, 0, 0, null, null, List.of(over100)), Map.of("Idempotency-Key", "ali-2"));
        assertThat(retry.status()).as(retry.raw()).isEqualTo(200);
        assertThat(retry.json().path("payment").path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(couponStates(member)).containsExactly("满100减20 USED");
        assertLedgersConsistent();
    }

    @Test
    void anOwnerPaysByCardThroughStripeJsAfterADeclinedCardGaveBackWhatTheFirstAttemptHeld() throws Exception {
        Started first = ownerStartsPaying("银行卡", "ONL-RO-C1", "200.00", 10_000, 10_000, "CARD", null, "card-1");
        String member = first.member();
        String order = first.order();
        Api owner = first.owner();
        JsonNode started = first.view();
        String id = first.paymentId();
        assertThat(List.of(started.path("payment").path("status").asString(), started.path("online").path("status")
                .asString())).as("the intent waits for the card typed in the browser")
                .containsExactly("AWAITING_ONLINE", "REQUIRES_ACTION");
        String intentId = started.path("online").path("intentId").asString();
        assertThat(stripe.client().v1().paymentIntents().retrieve(intentId, onAccount()).getStatus())
                .isEqualTo("requires_payment_method");

        JsonNode card = owner.get(base + "/me/payments/" + id + "/card").json();
        String secret = card.path("clientSecret").asString();
        assertThat(secret).startsWith(intentId + "_secret_");
        assertThat(List.of(card.path("publishableKey").asString(), card.path("account").asString(),
                card.path("jsUrl").asString(), String.valueOf(card.path("amountFen").asLong()))).containsExactly(
                        StripeTestServer.PUBLISHABLE_KEY, ACCOUNT, stripe.jsUrl(), "10000");
        assertThat(manager().get(base + "/payments/" + id).raw()).as("staff never see the secret")
                .doesNotContain(secret);
        Api stranger = owner(member("别人"), "online-owner-stranger");
        assertThat(stranger.get(base + "/me/payments/" + id + "/card").status()).isEqualTo(404);

        // the card is declined at Stripe (through Stripe.js): the webhook fails the payment and the wallet comes back
        assertThat(typeCard(secret, "4000 0000 0000 0002")).contains("card_declined");
        Eventually.await(WEBHOOKS, "the payment failed by the webhook", () -> status(owner, id), "FAILED"::equals);
        assertThat(walletEntries(member)).containsExactly("TOP_UP 10000 0", "SPEND -10000 0", "REFUND 10000 0");
        assertProblem(owner.get(base + "/me/payments/" + id + "/card"), 409, "online-payment-not-card", null);

        // again, with a card that pays
        JsonNode second = owner.post(base + "/me/repair-orders/" + order + "/payments",
                appPay(10_000, 0, 10_000, "CARD", null, List.of()), Map.of("Idempotency-Key", "card-2")).json();
        String id2 = second.path("payment").path("id").asString();
        assertThat(typeCard(owner.get(base + "/me/payments/" + id2 + "/card").json().path("clientSecret").asString(),
                "4242 4242 4242 4242")).contains("\"succeeded\"");
        Eventually.await(WEBHOOKS, "the payment confirmed by the webhook", () -> status(owner, id2),
                "CONFIRMED"::equals);
        assertThat(onlineEvents(member)).containsExactly("PaymentFailed FAILED 20000 10000 10000 CARD",
                "PaymentMade CONFIRMED 20000 10000 10000 CARD");
        assertThat(walletEntries(member)).containsExactly("TOP_UP 10000 0", "SPEND -10000 0", "REFUND 10000 0",
                "SPEND -10000 0");
        assertLedgersConsistent();
    }

    /** What Stripe.js does when the owner types a card and pays: the fixture's stand-in confirms the intent. */
    private String typeCard(String clientSecret, String number) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stripe.url()
                + "/_test/js/confirm_card")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_secret=" + clientSecret + "&account=" + ACCOUNT
                        + "&number=" + java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void theJanitorCompletesAPaymentWhoseWebhookNeverCameAndReleasesOneNeverPaid() throws Exception {
        String member = member("补单");
        topUp(member, 8_000);
        String paidOrder = settledOrder(member, "ONL-RO-3", line(1, "LABOUR", null, "180.00", "CUSTOMER"));
        String unpaidOrder = settledOrder(member, "ONL-RO-4", line(1, "LABOUR", null, "120.00", "CUSTOMER"));
        Api owner = owner(member, "online-owner-3");
        sweep(); // what other scenarios left for the janitor (failed intents to close), so the counts below are ours
        stripe.holdWebhooks(true);

        JsonNode paid = owner.post(base + "/me/repair-orders/" + paidOrder + "/payments",
                appPay(0, 0, 18_000, "WECHAT_PAY", null, List.of()), Map.of("Idempotency-Key", "jan-1")).json();
        JsonNode unpaid = owner.post(base + "/me/repair-orders/" + unpaidOrder + "/payments",
                appPay(8_000, 0, 4_000, "WECHAT_PAY", null, List.of()), Map.of("Idempotency-Key", "jan-2")).json();
        String paidId = paid.path("payment").path("id").asString();
        String unpaidId = unpaid.path("payment").path("id").asString();
        stripe.succeed(paid.path("online").path("intentId").asString());
        assertThat(status(owner, paidId)).as("no webhook came").isEqualTo("AWAITING_ONLINE");

        // ten minutes on, the janitor asks Stripe: the paid one is completed, the other is not yet due to end
        clock.advance(Duration.ofMinutes(11));
        assertThat(sweep()).isEqualTo(2);
        assertThat(status(owner, paidId)).isEqualTo("CONFIRMED");
        assertThat(status(owner, unpaidId)).isEqualTo("AWAITING_ONLINE");
        // half an hour after it began, the unpaid one is cancelled at Stripe and released
        clock.advance(Duration.ofMinutes(20));
        assertThat(sweep()).isEqualTo(1);
        assertThat(status(owner, unpaidId)).isEqualTo("FAILED");
        PaymentIntent cancelled = stripe.client().v1().paymentIntents().retrieve(
                unpaid.path("online").path("intentId").asString(), onAccount());
        assertThat(cancelled.getStatus()).isEqualTo("canceled");
        assertThat(walletEntries(member)).containsExactly("TOP_UP 8000 0", "SPEND -8000 0", "REFUND 8000 0");
        assertThat(sweep()).as("nothing left to look at").isZero();

        // the held webhooks arrive late: old news, no second effect
        stripe.holdWebhooks(false);
        stripe.releaseHeldWebhooks();
        assertThat(stripe.awaitWebhooks(WEBHOOKS)).isTrue();
        assertThat(onlineEvents(member)).containsExactly("PaymentMade CONFIRMED 18000 0 18000 WECHAT_PAY",
                "PaymentFailed FAILED 12000 8000 4000 WECHAT_PAY");
        assertThat(webhooks(paidId)).allMatch(w -> w.endsWith(" NONE"));
        assertLedgersConsistent();
    }

    @Test
    void moneyPaidAtStripeAfterThePaymentFailedGoesBackWholeOnceAndThePaymentStaysFailed() throws Exception {
        Started late = ownerStartsPaying("迟到付款", "ONL-RO-6", "150.00", 3_000, 12_000, "ALIPAY",
                "https://owner.example/pay/back", "late-1");
        String member = late.member();
        String order = late.order();
        Api owner = late.owner();
        JsonNode started = late.view();
        String id = late.paymentId();
        String intentId = started.path("online").path("intentId").asString();
        // Alipay declines, and before the news reaches us (and the janitor could cancel the intent at Stripe) the owner
        // tries again on the same page (which confirms the intent anew) and pays
        stripe.holdWebhooks(true);
        authorize(started.path("online").path("redirectUrl").asString(), "fail");
        stripe.client().v1().paymentIntents().confirm(intentId, PaymentIntentConfirmParams.builder()
                .setPaymentMethodData(PaymentIntentConfirmParams.PaymentMethodData.builder()
                        .setType(PaymentIntentConfirmParams.PaymentMethodData.Type.ALIPAY).build())
                .setReturnUrl("https://owner.example/pay/back").build(), onAccount());
        stripe.succeed(intentId);
        stripe.holdWebhooks(false);
        stripe.releaseHeldWebhooks();
        assertThat(stripe.awaitWebhooks(WEBHOOKS)).isTrue();
        // the failure gave back what the payment held; the payment that came after it goes back whole, by the janitor
        assertThat(status(owner, id)).isEqualTo("FAILED");
        List<String> released = List.of("TOP_UP 3000 0", "SPEND -3000 0", "REFUND 3000 0");
        assertThat(walletEntries(member)).containsExactlyElementsOf(released);
        assertThat(manager().get(base + "/payments/" + id).json().path("online").path("lateReturn").asString())
                .isIn("PENDING", "SUCCEEDED");
        sweep();
        JsonNode returned = manager().get(base + "/payments/" + id).json();
        assertThat(returned.path("online").path("lateReturn").asString()).isEqualTo("SUCCEEDED");
        assertThat(returned.path("payment").path("status").asString()).isEqualTo("FAILED");
        assertThat(returned.path("online").path("status").asString()).isEqualTo("FAILED");
        assertThat(returned.path("refunds").size()).as("no refund of ours: nothing of ours was paid").isZero();
        assertThat(returned.path("refundableFen").asLong()).isZero();
        PaymentIntent intent = stripe.client().v1().paymentIntents().retrieve(intentId, onAccount());
        var charge = stripe.client().v1().charges().retrieve(intent.getLatestCharge(), onAccount());
        assertThat(charge.getAmountRefunded()).isEqualTo(12_000L);
        assertThat(strings("select reason || ' ' || amount_fen || ' ' || status || ' ' || idempotency_key from store_"
                + STORE + ".online_refund where payment_id = ?::uuid", UUID.fromString(id)))
                .containsExactly("LATE_PAYMENT 12000 SUCCEEDED m4s-late-return-" + id);
        Eventually.await(WEBHOOKS, "Stripe's refund event taken in", () -> webhooks(id),
                w -> w.contains("charge.refunded REFUND_KNOWN"));
        assertThat(webhooks(id)).contains("payment_intent.payment_failed RELEASED");

        // every event about the intent and its charge three more times, concurrently and shuffled: nothing more
        assertThat(replayedThrice(id, intentId, intent.getLatestCharge())).contains("payment_intent.succeeded",
                "charge.refunded");
        assertThat(stripe.client().v1().charges().retrieve(intent.getLatestCharge(), onAccount())
                .getAmountRefunded()).isEqualTo(12_000L);
        assertThat(paymentEventTypes(id)).containsExactly("PaymentFailed", "PaymentPaidLate");
        assertThat(strings("select (payload->>'amountFen') || ' ' || (payload->>'intentId') || ' '"
                + " || (payload->>'onlineMethod') from console.event_outbox where event_type = 'PaymentPaidLate'"
                + " and payload->>'paymentId' = ?", id)).containsExactly("12000 " + intentId + " ALIPAY");
        assertThat(walletEntries(member)).containsExactlyElementsOf(released);
        assertLedgersConsistent();
    }

    @Test
    void refundsGoBackThroughStripeInProportionAndARefundOrADisputeMadeAtStripeIsTakenIn() throws Exception {
        Started paying = ownerStartsPaying("在线退款", "ONL-RO-5", "400.00", 10_000, 30_000, "WECHAT_PAY", null, "rf-1");
        Api owner = paying.owner();
        JsonNode started = paying.view();
        String id = paying.paymentId();
        String intentId = started.path("online").path("intentId").asString();
        authorize(started.path("online").path("qrData").asString(), "succeed");
        Eventually.await(WEBHOOKS, "paid", () -> status(owner, id), "CONFIRMED"::equals);

        // a quarter: wallet 10000 and online 30000 each give a quarter back; the online part through Stripe
        JsonNode quarter = refund(id, 10_000, "工时打折");
        JsonNode r = quarter.path("refunds").get(0);
        assertThat(List.of(r.path("walletFen").asLong(), r.path("onlineFen").asLong())).containsExactly(2_500L,
                7_500L);
        assertThat(r.path("onlineStatus").asString()).isEqualTo("SUCCEEDED");
        PaymentIntent intent = stripe.client().v1().paymentIntents().retrieve(intentId, onAccount());
        var charge = stripe.client().v1().charges().retrieve(intent.getLatestCharge(), onAccount());
        assertThat(charge.getAmountRefunded()).isEqualTo(7_500L);

        // 20 yuan refunded in Stripe's dashboard: recorded as a refund of the online part alone
        stripe.client().v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intentId)
                .setAmount(2_000L).build(), onAccount());
        JsonNode outside = Eventually.await(WEBHOOKS, "the dashboard refund taken in",
                () -> manager().get(base + "/payments/" + id).json(), v -> v.path("refunds").size() == 2);
        JsonNode r2 = outside.path("refunds").get(1);
        assertThat(List.of(r2.path("amountFen").asLong(), r2.path("walletFen").asLong(),
                r2.path("onlineFen").asLong())).containsExactly(2_000L, 0L, 2_000L);
        assertThat(outside.path("payment").path("refundedFen").asLong()).isEqualTo(12_000);
        assertThat(webhooks(id)).contains("charge.refunded REFUND_KNOWN", "charge.refunded REFUNDED_AT_STRIPE");

        // a chargeback is marked and announced once
        String dispute = stripe.dispute(intent.getLatestCharge());
        JsonNode disputed = Eventually.await(WEBHOOKS, "the dispute taken in",
                () -> manager().get(base + "/payments/" + id).json(),
                v -> v.path("payment").path("disputed").asBoolean());
        assertThat(disputed.path("payment").path("status").asString()).isEqualTo("PARTLY_REFUNDED");
        List<String> published = List.of("PaymentMade", "PaymentRefunded", "PaymentRefunded", "PaymentDisputed");
        assertThat(paymentEventTypes(id)).containsExactlyElementsOf(published);

        // every event of the charge and its intent (payment, refunds, dispute) three times more, concurrently and
        // shuffled: each had its one effect already
        assertThat(replayedThrice(id, intentId, intent.getLatestCharge(), dispute)).contains(
                "payment_intent.succeeded", "charge.refunded", "charge.dispute.created");
        assertThat(paymentEventTypes(id)).containsExactlyElementsOf(published);
        assertThat(manager().get(base + "/payments/" + id).json().path("refunds").size()).isEqualTo(2);
        assertLedgersConsistent();
    }

    @Test
    void anOwnerTopsUpTheWalletByWeChatPayWithItsTierBonusAndRefundsTakeExactlyTheirShareBackOut() throws Exception {
        String member = member("在线充值");
        long approval = manager().get(base + "/wallet/settings").json().path("cashOutApprovalAbove").asLong();
        // tiers above the other scenarios' 100-yuan desk top-ups, which stay without bonus
        Api.Response tiers = manager().put(base + "/wallet/settings", Map.of("bonusTiers", List.of(
                Map.of("minTopUp", 100_000, "bonus", 15_000), Map.of("minTopUp", 50_000, "bonus", 5_000)),
                "cashOutApprovalAbove", approval));
        assertThat(tiers.status()).as(tiers.raw()).isEqualTo(200);
        Api owner = owner(member, "online-owner-topup");
        assertThat(owner.get(base + "/me/wallet/bonus-tiers").json().valueStream()
                .map(t -> t.path("minTopUp").asLong() + "/" + t.path("bonus").asLong()).toList())
                .as("lowest first, for the top-up sheet").containsExactly("50000/5000", "100000/15000");
        assertProblem(owner.post(base + "/me/wallet/top-ups", topUp(50, "WECHAT_PAY"), Map.of("Idempotency-Key",
                "tu-small")), 422, "wallet-top-up-amount", null);

        Api.Response started = owner.post(base + "/me/wallet/top-ups", topUp(100_000, "WECHAT_PAY"),
                Map.of("Idempotency-Key", "tu-1"));
        assertThat(started.status()).as(started.raw()).isEqualTo(200);
        JsonNode p = started.json().path("payment");
        String id = p.path("id").asString();
        assertThat(List.of(p.path("subjectType").asString(), p.path("status").asString(), p.path("subjectRef")
                .asString())).containsExactly("WALLET_TOP_UP", "AWAITING_ONLINE", "钱包充值");
        assertThat(p.path("onlineFen").asLong()).isEqualTo(100_000);
        assertThat(walletEntries(member)).as("nothing in the wallet before the money arrives").isEmpty();
        String intentId = started.json().path("online").path("intentId").asString();

        authorize(started.json().path("online").path("qrData").asString(), "succeed");
        Eventually.await(WEBHOOKS, "the top-up confirmed by the webhook", () -> status(owner, id), "CONFIRMED"::equals);
        assertThat(walletEntries(member)).as("1,000 yuan and the 150-yuan bonus of its tier")
                .containsExactly("TOP_UP 100000 15000");
        assertThat(strings("select source_type || ' ' || source_id || ' ' || method from store_" + STORE
                + ".wallet_entry where member_id = ?::uuid", member)).containsExactly("ONLINE_TOP_UP " + id
                        + " WECHAT_QR");
        assertThat(onlineEvents(member)).containsExactly("PaymentMade CONFIRMED 100000 0 100000 WECHAT_PAY");
        assertThat(replayedThrice(id, intentId)).contains("payment_intent.succeeded");
        assertThat(walletEntries(member)).as("credited once whatever comes again").hasSize(1);

        // a top-up paid online is not undone at the desk: its payment is refunded, which sends the money back
        String entry = strings("select id from store_" + STORE + ".wallet_entry where member_id = ?::uuid", member)
                .getFirst();
        assertProblem(manager().post(base + "/members/" + member + "/wallet/entries/" + entry + "/reversal",
                Map.of("reason", "充错了")), 409, "wallet-top-up-online", null);
        assertThat(manager().get(base + "/members/" + member + "/wallet/entries").json().path("content").get(0)
                .path("refundable").asLong()).as("so the wallet page offers no undo").isZero();

        // 400 yuan refunded by staff: through Stripe, and 400 yuan with the same share of the bonus out of the wallet
        JsonNode quarter = refund(id, 40_000, "车主要求部分退款");
        assertThat(quarter.path("refunds").get(0).path("onlineFen").asLong()).isEqualTo(40_000);
        assertThat(walletEntries(member)).containsExactly("TOP_UP 100000 15000", "TOP_UP_REFUND -40000 -6000");
        PaymentIntent intent = stripe.client().v1().paymentIntents().retrieve(intentId, onAccount());
        String chargeId = intent.getLatestCharge();
        assertThat(stripe.client().v1().charges().retrieve(chargeId, onAccount()).getAmountRefunded())
                .isEqualTo(40_000L);

        // the owner spends 500 yuan of it; the rest of the top-up can no longer be refunded whole by staff
        String order = settledOrder(member, "ONL-RO-TU", line(1, "LABOUR", null, "500.00", "CUSTOMER"));
        Api.Response spent = manager().post(base + "/payments", pay(member, order, 50_000, 0, 0, null, true),
                Map.of("Idempotency-Key", "tu-spend"));
        assertThat(spent.status()).as(spent.raw()).isEqualTo(200);
        assertProblem(manager().post(base + "/payments/" + id + "/refunds", Map.of("amountFen", 60_000, "reason",
                "全部退款"), Map.of("Idempotency-Key", "tu-rest")), 409, "wallet-top-up-spent", null);
        assertThat(stripe.client().v1().charges().retrieve(chargeId, onAccount()).getAmountRefunded())
                .as("nothing sent to Stripe").isEqualTo(40_000L);

        // 300 yuan refunded in Stripe's dashboard: the money is gone, so the wallet gives what it holds of it
        stripe.client().v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intentId)
                .setAmount(30_000L).build(), onAccount());
        JsonNode outside = Eventually.await(WEBHOOKS, "the dashboard refund taken in",
                () -> manager().get(base + "/payments/" + id).json(), v -> v.path("refunds").size() == 2);
        assertThat(outside.path("payment").path("refundedFen").asLong()).isEqualTo(70_000);
        // principal 100 of the 300 yuan left; bonus 105 (150 × 700/1000) less the 60 taken = 45
        assertThat(walletEntries(member)).containsExactly("TOP_UP 100000 15000", "TOP_UP_REFUND -40000 -6000",
                "SPEND -50000 0", "TOP_UP_REFUND -10000 -4500");
        assertThat(outside.path("refunds").get(1).path("reason").asString()).contains("200.00 元未能扣回");
        assertThat(owner.get(base + "/me/wallet").json().path("total").asLong()).isEqualTo(4_500);
        assertThat(paymentEventTypes(id)).containsExactly("PaymentMade", "PaymentRefunded", "PaymentRefunded");
        assertThat(strings("select event_type from console.event_outbox where topic = 'm4s.wallet'"
                + " and payload->>'memberId' = ? order by id", member)).containsExactly("WalletToppedUp",
                        "WalletTopUpRefunded", "WalletSpent", "WalletTopUpRefunded");
        assertLedgersConsistent();
    }

    @Test
    void aWebhookWithABadOrStaleSignatureIsRefusedAndWritesNothing() throws Exception {
        String payload = "{\"id\":\"evt_forged\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\","
                + "\"api_version\":\"" + StripeTestServer.API_VERSION + "\",\"created\":1764800000,\"account\":\""
                + ACCOUNT + "\",\"data\":{\"object\":{\"id\":\"pi_forged\",\"object\":\"payment_intent\","
                + "\"status\":\"succeeded\",\"metadata\":{\"m4s_store\":\"" + STORE + "\"}}}}";
        String wrongSecret = stripe.signedRequest(payload, "whsec_someone_else", Instant.now());
        String stale = stripe.signedRequest(payload, StoreConsoleTest.STRIPE_CONNECT_SECRET,
                Instant.now().minus(Duration.ofMinutes(6)));
        for (String signature : new String[] {wrongSecret, stale, "t=1,v1=00"}) {
            HttpResponse<String> r = post(payload, signature);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("webhook-signature-invalid");
        }
        assertThat(post(payload, null).statusCode()).isEqualTo(400);
        assertThat(strings("select count(*) from store_" + STORE + ".payment_webhook where event_id = 'evt_forged'"))
                .containsExactly("0");
        // rightly signed, but about no payment of ours: acknowledged, nothing written
        HttpResponse<String> signed = post(payload, stripe.signedRequest(payload,
                StoreConsoleTest.STRIPE_CONNECT_SECRET, Instant.now()));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(signed.body()).contains("NOT_OURS");
        assertThat(strings("select count(*) from store_" + STORE + ".payment_webhook where event_id = 'evt_forged'"))
                .as("not ours: not recorded").containsExactly("0");
    }

    // --- helpers

    private static Map<String, Object> appPay(long wallet, long points, long online, String method, String returnUrl,
            List<String> coupons) {
        Map<String, Object> pay = new LinkedHashMap<>();
        pay.put("walletFen", wallet);
        pay.put("points", points);
        pay.put("coupons", coupons);
        if (online > 0) {
            pay.put("onlineFen", online);
            pay.put("onlineMethod", method);
        }
        if (returnUrl != null) {
            pay.put("returnUrl", returnUrl);
        }
        return pay;
    }

    /** An owner who starts paying a repair order: the member, their login, the order, the payment and its view. */
    private record Started(String member, Api owner, String order, String paymentId, JsonNode view) {
    }

    /**
     * A member with {@code wallet} fen in the wallet and a settled order of one labour line of {@code amount} yuan,
     * who pays {@code wallet} from the wallet and {@code online} fen by {@code method} (key {@code key}).
     */
    private Started ownerStartsPaying(String name, String orderNo, String amount, long wallet, long online,
            String method, String returnUrl, String key) throws Exception {
        String member = member(name);
        topUp(member, wallet);
        String order = settledOrder(member, orderNo, line(1, "LABOUR", null, amount, "CUSTOMER"));
        Api owner = owner(member, "online-owner-" + key);
        Api.Response r = owner.post(base + "/me/repair-orders/" + order + "/payments",
                appPay(wallet, 0, online, method, returnUrl, List.of()), Map.of("Idempotency-Key", key));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return new Started(member, owner, order, r.json().path("payment").path("id").asString(), r.json());
    }

    private static Map<String, Object> topUp(long amount, String method) {
        return Map.of("amountFen", amount, "onlineMethod", method);
    }

    /** What the owner does on the fixture's WeChat Pay or Alipay page: authorise, or fail. */
    private static void authorize(String pageUrl, String outcome) throws Exception {
        String page = pageUrl.contains("?") ? pageUrl.substring(0, pageUrl.indexOf('?')) : pageUrl;
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("outcome=" + outcome)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isIn(200, 303);
    }

    private HttpResponse<String> post(String payload, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/payments/stripe/webhook")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Delivers every event Stripe sent about the objects three more times, concurrently and shuffled, checks each
     * delivery was answered 200 and the payment's recorded webhooks did not change; answers the events' types.
     */
    private List<String> replayedThrice(String payment, String... objectIds) {
        List<com.stripe.model.Event> sent = java.util.Arrays.stream(objectIds)
                .flatMap(o -> stripe.eventsAbout(o).stream()).toList();
        // Stripe's own deliveries of them done first: what the payment recorded is then what the replay must keep
        assertThat(stripe.awaitWebhooks(WEBHOOKS)).isTrue();
        List<String> received = webhooks(payment);
        assertThat(stripe.deliverConcurrently(endpoint, sent.stream().map(com.stripe.model.Event::getId).distinct()
                .toList(), 3, true)).allMatch(status -> status == 200);
        assertThat(webhooks(payment)).isEqualTo(received);
        return sent.stream().map(com.stripe.model.Event::getType).toList();
    }

    private static RequestOptions onAccount() {
        return RequestOptions.builder().setStripeAccount(ACCOUNT).build();
    }

    private static String objectId(com.stripe.model.Event event) {
        var object = event.getDataObjectDeserializer().getObject();
        return object.isPresent() && object.get() instanceof com.stripe.model.HasId has ? has.getId() : null;
    }

    /** The payment's status as stored (the owner's token would not outlive a clock moved by half an hour). */
    private String status(Api owner, String payment) {
        return strings("select status from store_" + STORE + ".payment where id = ?::uuid", UUID.fromString(payment))
                .getFirst();
    }

    private int sweep() {
        return TenantContext.supplyAs(tenants.find(STORE).orElseThrow().tenant(), online::sweep);
    }

    private List<String> paymentEventTypes(String payment) {
        return strings("select event_type from console.event_outbox where topic = 'm4s.payment'"
                + " and payload->>'paymentId' = ? order by id", payment);
    }

    /** The Stripe events taken in for the payment: type and effect, in the order received. */
    private List<String> webhooks(String payment) {
        return strings("select type || ' ' || effect from store_" + STORE + ".payment_webhook where payment_id ="
                + " ?::uuid order by received_at, event_id", UUID.fromString(payment));
    }

    /** The member's payment events: type, status, total, wallet, online part and its method. */
    private List<String> onlineEvents(String member) {
        return strings("select event_type || ' ' || (payload->>'status') || ' ' || (payload->>'grossFen') || ' '"
                + " || (payload->>'walletFen') || ' ' || (payload->>'onlineFen') || ' ' || (payload->>'onlineMethod')"
                + " from console.event_outbox where topic = 'm4s.payment' and payload->>'memberId' = ?"
                + " and event_type in ('PaymentMade', 'PaymentFailed') order by id", member);
    }
}
