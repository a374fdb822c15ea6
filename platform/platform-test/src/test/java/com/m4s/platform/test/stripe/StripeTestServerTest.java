package com.m4s.platform.test.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Price;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the fixture only through stripe-java, as M4S will, and checks what comes back typed. */
class StripeTestServerTest {

    private static final String DEALER = "acct_1DealerGroupA";
    private static final String CONNECT_SECRET = "whsec_connect_test";
    private static final String PLATFORM_SECRET = "whsec_platform_test";

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private StripeTestServer server;
    private StripeClient stripe;
    private WebhookReceiver connectReceiver;
    private WebhookReceiver platformReceiver;
    private WebhookEndpoint connectEndpoint;
    private WebhookEndpoint platformEndpoint;

    @BeforeEach
    void start() {
        server = StripeTestServer.start();
        server.connectedAccount(DEALER);
        stripe = StripeClient.builder().setApiKey("sk_test_m4s").setApiBase(server.url()).build();
        connectReceiver = new WebhookReceiver();
        platformReceiver = new WebhookReceiver();
        connectEndpoint = server.webhookEndpoint(connectReceiver.url(), CONNECT_SECRET, true);
        platformEndpoint = server.webhookEndpoint(platformReceiver.url(), PLATFORM_SECRET, false);
        server.webhookRetries(4, Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        server.close();
        connectReceiver.close();
        platformReceiver.close();
    }

    private static RequestOptions on(String account) {
        return RequestOptions.builder().setStripeAccount(account).build();
    }

    private HttpResponse<String> post(String url, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private PaymentIntent wechat(long amount) throws StripeException {
        return stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(amount)
                .setCurrency("cny")
                .addPaymentMethodType("wechat_pay")
                .setPaymentMethodData(PaymentIntentCreateParams.PaymentMethodData.builder()
                        .setType(PaymentIntentCreateParams.PaymentMethodData.Type.WECHAT_PAY).build())
                .setPaymentMethodOptions(PaymentIntentCreateParams.PaymentMethodOptions.builder()
                        .setWechatPay(PaymentIntentCreateParams.PaymentMethodOptions.WechatPay.builder()
                                .setClient(PaymentIntentCreateParams.PaymentMethodOptions.WechatPay.Client.WEB)
                                .build())
                        .build())
                .setConfirm(true)
                .setDescription("维修单 RO-1001")
                .putMetadata("repair_order", "RO-1001")
                .build(), on(DEALER));
    }

    private PaymentIntent card(String paymentMethod, long amount, String account) throws StripeException {
        return stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(amount).setCurrency("cny").addPaymentMethodType("card")
                .setPaymentMethod(paymentMethod).setConfirm(true).build(), on(account));
    }

    @Test
    void speaksTheApiVersionOfStripeJava() {
        assertThat(StripeTestServer.API_VERSION).isEqualTo(Stripe.API_VERSION);
    }

    @Test
    void wechatPaymentOnAConnectedAccountSucceedsThroughTheAuthorizePageAndIsSignedToTheConnectEndpoint()
            throws Exception {
        PaymentIntent created = wechat(12_800);

        assertThat(created.getId()).startsWith("pi_");
        assertThat(created.getStatus()).isEqualTo("requires_action");
        assertThat(created.getAmount()).isEqualTo(12_800L);
        assertThat(created.getLivemode()).isFalse();
        assertThat(created.getCreated()).isEqualTo(server.now().getEpochSecond());
        assertThat(created.getMetadata()).containsEntry("repair_order", "RO-1001");
        assertThat(created.getNextAction().getType()).isEqualTo("wechat_pay_display_qr_code");
        var qr = created.getNextAction().getWechatPayDisplayQrCode();
        String page = server.url() + "/_test/authorize/" + created.getId();
        assertThat(qr.getData()).isEqualTo(page);
        assertThat(qr.getHostedInstructionsUrl()).isEqualTo(page);
        assertThat(qr.getImageUrlPng()).endsWith(".png");
        assertThat(qr.getImageUrlSvg()).endsWith(".svg");
        assertThat(qr.getImageDataUrl()).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(qr.getImageDataUrl().substring("data:image/png;base64,".length()));
        var image = ImageIO.read(new ByteArrayInputStream(png));
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertThat(decoded).isEqualTo(page);

        // the platform without the account header does not see the dealer's payment
        assertThatThrownBy(() -> stripe.v1().paymentIntents().retrieve(created.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                });

        HttpResponse<String> shown = get(qr.getData());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("模拟授权付款 / Authorize test payment", "模拟支付失败 / Fail test payment");
        HttpResponse<String> done = post(page, "outcome=succeed");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("付款成功 / Payment succeeded");

        PaymentIntent paid = stripe.v1().paymentIntents().retrieve(created.getId(), on(DEALER));
        assertThat(paid.getStatus()).isEqualTo("succeeded");
        assertThat(paid.getAmountReceived()).isEqualTo(12_800L);
        assertThat(paid.getNextAction()).isNull();
        assertThat(paid.getLatestCharge()).startsWith("ch_");
        Charge charge = stripe.v1().charges().retrieve(paid.getLatestCharge(), on(DEALER));
        assertThat(charge.getAmount()).isEqualTo(12_800L);
        assertThat(charge.getPaymentIntent()).isEqualTo(paid.getId());
        assertThat(charge.getPaid()).isTrue();
        assertThat(charge.getRefunded()).isFalse();

        assertThat(server.awaitWebhooks(Duration.ofSeconds(10))).isTrue();
        WebhookReceiver.Received received = connectReceiver.firstOfType("payment_intent.succeeded");
        Event event = Webhook.constructEvent(received.payload(), received.signature(), CONNECT_SECRET, 300);
        assertThat(event.getId()).startsWith("evt_");
        assertThat(event.getAccount()).isEqualTo(DEALER);
        assertThat(event.getApiVersion()).isEqualTo(Stripe.API_VERSION);
        assertThat(event.getLivemode()).isFalse();
        StripeObject object = event.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(object).isInstanceOfSatisfying(PaymentIntent.class, pi -> {
            assertThat(pi.getId()).isEqualTo(created.getId());
            assertThat(pi.getStatus()).isEqualTo("succeeded");
            assertThat(pi.getLatestCharge()).isEqualTo(charge.getId());
        });
        assertThat(connectReceiver.types()).containsSubsequence("payment_intent.created",
                "payment_intent.requires_action", "charge.succeeded", "payment_intent.succeeded");
        assertThat(platformReceiver.types()).isEmpty();
        assertThatThrownBy(() -> Webhook.constructEvent(received.payload(), received.signature(), PLATFORM_SECRET,
                300)).isInstanceOf(SignatureVerificationException.class);

        // the events API shows the dealer's events to the dealer only
        var listed = stripe.v1().events().list(EventListParams.builder().setType("payment_intent.succeeded").build(),
                on(DEALER));
        assertThat(listed.getData()).extracting(Event::getId).containsExactly(event.getId());
        assertThat(stripe.v1().events().list(EventListParams.builder().build()).getData()).isEmpty();
    }

    @Test
    void aWechatPaymentTheCustomerFailsAsksForAPaymentMethodAgain() throws Exception {
        PaymentIntent created = wechat(5_000);
        post(server.url() + "/_test/authorize/" + created.getId(), "outcome=fail");
        PaymentIntent failed = stripe.v1().paymentIntents().retrieve(created.getId(), on(DEALER));
        assertThat(failed.getStatus()).isEqualTo("requires_payment_method");
        assertThat(failed.getLastPaymentError().getCode()).isEqualTo("payment_intent_payment_attempt_failed");
        assertThat(server.eventsOfType("payment_intent.payment_failed")).hasSize(1);
        PaymentIntent canceled = stripe.v1().paymentIntents().cancel(created.getId(), on(DEALER));
        assertThat(canceled.getStatus()).isEqualTo("canceled");
    }

    @Test
    void unknownAccountsAndKeysAreRefused() {
        assertThatThrownBy(() -> card("pm_card_visa", 100, "acct_1Unknown"))
                .isInstanceOfSatisfying(PermissionException.class, e -> assertThat(e.getStatusCode()).isEqualTo(403));
        StripeClient live = StripeClient.builder().setApiKey("sk_live_nope").setApiBase(server.url()).build();
        assertThatThrownBy(() -> live.v1().paymentIntents().retrieve("pi_x"))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void alipayRedirectsToTheReturnUrlWithTheOutcome() throws Exception {
        String returnUrl = "https://m4s.example/pay/return?order=RO-7";
        PaymentIntent created = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(30_000L).setCurrency("cny").addPaymentMethodType("alipay")
                .setPaymentMethodData(PaymentIntentCreateParams.PaymentMethodData.builder()
                        .setType(PaymentIntentCreateParams.PaymentMethodData.Type.ALIPAY).build())
                .setConfirm(true).setReturnUrl(returnUrl).build(), on(DEALER));
        assertThat(created.getNextAction().getType()).isEqualTo("alipay_handle_redirect");
        var redirect = created.getNextAction().getAlipayHandleRedirect();
        assertThat(redirect.getReturnUrl()).isEqualTo(returnUrl);
        assertThat(redirect.getUrl()).startsWith(server.url() + "/_test/authorize/" + created.getId() + "?return=");
        assertThat(get(redirect.getUrl()).body()).contains("Authorize test payment");

        HttpResponse<String> back = post(server.url() + "/_test/authorize/" + created.getId(), "outcome=succeed");
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location").orElseThrow()).isEqualTo(returnUrl + "&payment_intent="
                + created.getId() + "&payment_intent_client_secret=" + created.getClientSecret()
                + "&redirect_status=succeeded");
        assertThat(stripe.v1().paymentIntents().retrieve(created.getId(), on(DEALER)).getStatus())
                .isEqualTo("succeeded");

        // confirming alipay without a return_url is refused as Stripe does
        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(100L).setCurrency("cny").addPaymentMethodType("alipay")
                .setPaymentMethodData(PaymentIntentCreateParams.PaymentMethodData.builder()
                        .setType(PaymentIntentCreateParams.PaymentMethodData.Type.ALIPAY).build())
                .setConfirm(true).build(), on(DEALER)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.getStripeError().getParam()).isEqualTo("return_url"));
    }

    @Test
    void wechatInAnAppIsHandedToTheWechatApp() throws Exception {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder().setAmount(1_000L)
                .setCurrency("cny").addPaymentMethodType("wechat_pay")
                .setPaymentMethodData(PaymentIntentCreateParams.PaymentMethodData.builder()
                        .setType(PaymentIntentCreateParams.PaymentMethodData.Type.WECHAT_PAY).build())
                .setConfirm(true);
        PaymentIntent android = stripe.v1().paymentIntents().create(params.setPaymentMethodOptions(
                PaymentIntentCreateParams.PaymentMethodOptions.builder().setWechatPay(
                        PaymentIntentCreateParams.PaymentMethodOptions.WechatPay.builder().setAppId("wx_m4s_app")
                                .setClient(PaymentIntentCreateParams.PaymentMethodOptions.WechatPay.Client.ANDROID)
                                .build()).build()).build(), on(DEALER));
        assertThat(android.getNextAction().getType()).isEqualTo("wechat_pay_redirect_to_android_app");
        assertThat(android.getNextAction().getWechatPayRedirectToAndroidApp().getAppId()).isEqualTo("wx_m4s_app");
        PaymentIntent ios = stripe.v1().paymentIntents().create(params.setPaymentMethodOptions(
                PaymentIntentCreateParams.PaymentMethodOptions.builder().setWechatPay(
                        PaymentIntentCreateParams.PaymentMethodOptions.WechatPay.builder().setAppId("wx_m4s_app")
                                .setClient(PaymentIntentCreateParams.PaymentMethodOptions.WechatPay.Client.IOS)
                                .build()).build()).build(), on(DEALER));
        assertThat(ios.getNextAction().getWechatPayRedirectToIosApp().getNativeUrl())
                .isEqualTo(server.url() + "/_test/authorize/" + ios.getId());
        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(params.setPaymentMethodOptions(
                PaymentIntentCreateParams.PaymentMethodOptions.builder().setWechatPay(
                        PaymentIntentCreateParams.PaymentMethodOptions.WechatPay.builder()
                                .setClient(PaymentIntentCreateParams.PaymentMethodOptions.WechatPay.Client.IOS)
                                .build()).build()).build(), on(DEALER)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void theDealerPaysThePlatformAnApplicationFeeOnlyOnDirectCharges() throws Exception {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder().setAmount(10_000L).setCurrency("cny")
                .addPaymentMethodType("card").setPaymentMethod("pm_card_visa").setConfirm(true)
                .setApplicationFeeAmount(300L).build();
        PaymentIntent paid = stripe.v1().paymentIntents().create(params, on(DEALER));
        assertThat(paid.getApplicationFeeAmount()).isEqualTo(300L);
        Charge charge = stripe.v1().charges().retrieve(paid.getLatestCharge(), on(DEALER));
        assertThat(charge.getApplicationFeeAmount()).isEqualTo(300L);
        assertThat(charge.getApplicationFee()).startsWith("fee_");
        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(params))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.getStripeError().getParam()).isEqualTo("application_fee_amount"));
    }

    @Test
    void cardsSucceedOrAreDeclined() throws Exception {
        PaymentIntent visa = card("pm_card_visa", 2_000, DEALER);
        assertThat(visa.getStatus()).isEqualTo("succeeded");
        assertThatThrownBy(() -> card("pm_card_chargeDeclined", 2_000, DEALER))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(402);
                    assertThat(e.getCode()).isEqualTo("card_declined");
                    assertThat(e.getStripeError().getPaymentIntent().getStatus())
                            .isEqualTo("requires_payment_method");
                });
    }

    @Test
    void theStripeJsStandInConfirmsACardIntentByItsClientSecretFromAnyOrigin() throws Exception {
        HttpResponse<String> js = get(server.url() + "/_test/js/v3");
        assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/javascript"));
        assertThat(js.body()).contains("window.Stripe", "confirmCardPayment", "\"" + server.url() + "\"",
                "/_test/js/confirm_card");

        PaymentIntent waiting = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(3_000L).setCurrency("cny").addPaymentMethodType("card").build(), on(DEALER));
        assertThat(waiting.getStatus()).isEqualTo("requires_payment_method");
        String confirm = server.url() + "/_test/js/confirm_card";
        HttpResponse<String> otherAccount = post(confirm, "client_secret=" + waiting.getClientSecret()
                + "&account=acct_other&number=4242424242424242");
        assertThat(com.google.gson.JsonParser.parseString(otherAccount.body()).getAsJsonObject().getAsJsonObject("error")
                .get("code").getAsString()).isEqualTo("resource_missing");

        HttpResponse<String> declined = post(confirm, "client_secret=" + waiting.getClientSecret() + "&account="
                + DEALER + "&number=4000000000000002");
        assertThat(declined.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(com.google.gson.JsonParser.parseString(declined.body()).getAsJsonObject().getAsJsonObject("error")
                .get("code").getAsString()).isEqualTo("card_declined");
        assertThat(stripe.v1().paymentIntents().retrieve(waiting.getId(), on(DEALER)).getLastPaymentError())
                .isNotNull();

        HttpResponse<String> paid = post(confirm, "client_secret=" + waiting.getClientSecret() + "&account=" + DEALER
                + "&number=4242+4242+4242+4242");
        assertThat(com.google.gson.JsonParser.parseString(paid.body()).getAsJsonObject().getAsJsonObject("paymentIntent")
                .get("status").getAsString()).isEqualTo("succeeded");
        assertThat(server.eventsOfType("payment_intent.payment_failed")).hasSize(1);
        assertThat(server.eventsOfType("payment_intent.succeeded")).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheAnswerAndRefusesOtherParameters() throws Exception {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder().setAmount(9_900L).setCurrency("cny")
                .addPaymentMethodType("wechat_pay").build();
        RequestOptions keyed = RequestOptions.builder().setStripeAccount(DEALER).setIdempotencyKey("order-42").build();
        PaymentIntent first = stripe.v1().paymentIntents().create(params, keyed);
        PaymentIntent again = stripe.v1().paymentIntents().create(params, keyed);
        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(again.getLastResponse().headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(first.getLastResponse().headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(server.eventsOfType("payment_intent.created")).hasSize(1);

        PaymentIntentCreateParams other = PaymentIntentCreateParams.builder().setAmount(1_000L).setCurrency("cny")
                .addPaymentMethodType("wechat_pay").build();
        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(other, keyed))
                .isInstanceOfSatisfying(IdempotencyException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
        // the key belongs to the account it was used on
        PaymentIntent platform = stripe.v1().paymentIntents().create(other,
                RequestOptions.builder().setIdempotencyKey("order-42").build());
        assertThat(platform.getId()).isNotEqualTo(first.getId());
    }

    @Test
    void refundsTakePartThenTheRestThenNoMore() throws Exception {
        PaymentIntent paid = card("pm_card_visa", 10_000, DEALER);
        Refund part = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paid.getId())
                .setAmount(3_000L).setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                .putMetadata("refund", "R-1").build(), on(DEALER));
        assertThat(part.getId()).startsWith("re_");
        assertThat(part.getAmount()).isEqualTo(3_000L);
        assertThat(part.getStatus()).isEqualTo("succeeded");
        assertThat(part.getCharge()).isEqualTo(paid.getLatestCharge());
        assertThat(part.getMetadata()).containsEntry("refund", "R-1");
        Charge afterPart = stripe.v1().charges().retrieve(paid.getLatestCharge(), on(DEALER));
        assertThat(afterPart.getAmountRefunded()).isEqualTo(3_000L);
        assertThat(afterPart.getRefunded()).isFalse();

        assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder()
                .setPaymentIntent(paid.getId()).setAmount(7_001L).build(), on(DEALER)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getStripeError().getParam()).isEqualTo("amount");
                });

        Refund rest = stripe.v1().refunds().create(RefundCreateParams.builder().setCharge(paid.getLatestCharge())
                .build(), RequestOptions.builder().setStripeAccount(DEALER).setIdempotencyKey("refund-rest").build());
        assertThat(rest.getAmount()).isEqualTo(7_000L);
        Refund replayed = stripe.v1().refunds().create(RefundCreateParams.builder().setCharge(paid.getLatestCharge())
                .build(), RequestOptions.builder().setStripeAccount(DEALER).setIdempotencyKey("refund-rest").build());
        assertThat(replayed.getId()).isEqualTo(rest.getId());
        Charge full = stripe.v1().charges().retrieve(paid.getLatestCharge(), on(DEALER));
        assertThat(full.getAmountRefunded()).isEqualTo(10_000L);
        assertThat(full.getRefunded()).isTrue();
        assertThat(full.getRefunds().getData()).extracting(Refund::getId).containsExactly(rest.getId(), part.getId());
        assertThat(stripe.v1().refunds().retrieve(part.getId(), on(DEALER)).getAmount()).isEqualTo(3_000L);

        assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder()
                .setPaymentIntent(paid.getId()).setAmount(1L).build(), on(DEALER)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo("charge_already_refunded"));

        List<Event> refunded = server.eventsOfType("charge.refunded");
        assertThat(refunded).hasSize(2);
        Charge last = (Charge) refunded.get(1).getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(last.getAmountRefunded()).isEqualTo(10_000L);
        assertThat(server.eventsOfType("refund.created")).hasSize(2);
        assertThat(refunded.get(1).getAccount()).isEqualTo(DEALER);
    }

    @Test
    void aDisputeIsAnnounced() throws Exception {
        PaymentIntent paid = card("pm_card_visa", 8_000, DEALER);
        String disputeId = server.dispute(paid.getLatestCharge());
        assertThat(disputeId).startsWith("dp_");
        Event event = server.eventsOfType("charge.dispute.created").getFirst();
        assertThat(event.getAccount()).isEqualTo(DEALER);
        Dispute dispute = (Dispute) event.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(dispute.getCharge()).isEqualTo(paid.getLatestCharge());
        assertThat(dispute.getAmount()).isEqualTo(8_000L);
        assertThat(dispute.getReason()).isEqualTo("fraudulent");
        assertThat(dispute.getStatus()).isEqualTo("needs_response");
        assertThat(stripe.v1().charges().retrieve(paid.getLatestCharge(), on(DEALER)).getDisputed()).isTrue();
    }

    // ---- billing

    private Customer customerPaying(String testCard) throws StripeException {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("华东汽车集团")
                .setEmail("finance@group.example").putMetadata("dealer_group", "G-1").build());
        PaymentMethod pm = stripe.v1().paymentMethods().attach(testCard,
                PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build());
        assertThat(pm.getCustomer()).isEqualTo(customer.getId());
        return stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder()
                .setInvoiceSettings(CustomerUpdateParams.InvoiceSettings.builder()
                        .setDefaultPaymentMethod(pm.getId()).build()).build());
    }

    private Price monthly(long unitAmount, String lookupKey) throws StripeException {
        return stripe.v1().prices().create(PriceCreateParams.builder().setCurrency("cny").setUnitAmount(unitAmount)
                .setProductData(PriceCreateParams.ProductData.builder().setName("门店月费 Store seat").build())
                .setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).build())
                .setLookupKey(lookupKey).setTransferLookupKey(true).build());
    }

    private Subscription subscribe(Customer customer, Price price, long quantity, Long trialDays)
            throws StripeException {
        SubscriptionCreateParams.Builder params = SubscriptionCreateParams.builder().setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).setQuantity(quantity).build())
                .putMetadata("dealer_group", "G-1");
        if (trialDays != null) {
            params.setTrialPeriodDays(trialDays);
        }
        return stripe.v1().subscriptions().create(params.build());
    }

    @Test
    void aTrialEndsIntoAPaidFirstMonth() throws Exception {
        Customer customer = customerPaying("pm_card_visa");
        Price price = monthly(19_900, "store_seat_monthly");
        assertThat(stripe.v1().prices().list(PriceListParams.builder().addLookupKey("store_seat_monthly")
                .setActive(true).build()).getData()).extracting(Price::getId).containsExactly(price.getId());

        Instant start = server.now();
        Subscription trial = subscribe(customer, price, 3, 14L);
        assertThat(trial.getId()).startsWith("sub_");
        assertThat(trial.getStatus()).isEqualTo("trialing");
        long trialEnd = start.plus(Duration.ofDays(14)).getEpochSecond();
        assertThat(trial.getTrialEnd()).isEqualTo(trialEnd);
        SubscriptionItem item = trial.getItems().getData().getFirst();
        assertThat(item.getId()).startsWith("si_");
        assertThat(item.getCurrentPeriodStart()).isEqualTo(start.getEpochSecond());
        assertThat(item.getCurrentPeriodEnd()).isEqualTo(trialEnd);
        assertThat(item.getQuantity()).isEqualTo(3L);
        assertThat(item.getPrice().getUnitAmount()).isEqualTo(19_900L);
        assertThat(server.eventsOfType("customer.subscription.created")).hasSize(1);

        // no proration while trialing
        stripe.v1().subscriptions().update(trial.getId(), SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(item.getId()).setQuantity(4L).build()).build());
        assertThat(server.eventsOfType("invoiceitem.created")).isEmpty();

        server.advance(Duration.ofDays(15));

        assertThat(server.eventsOfType("customer.subscription.trial_will_end")).singleElement()
                .satisfies(e -> assertThat(e.getCreated()).isEqualTo(trialEnd - 3 * 86_400));

        Subscription active = stripe.v1().subscriptions().retrieve(trial.getId());
        assertThat(active.getStatus()).isEqualTo("active");
        SubscriptionItem month = active.getItems().getData().getFirst();
        assertThat(month.getCurrentPeriodStart()).isEqualTo(trialEnd);
        assertThat(month.getCurrentPeriodEnd()).isEqualTo(
                Instant.ofEpochSecond(trialEnd).atZone(ZoneOffset.UTC).plusMonths(1).toEpochSecond());
        Invoice invoice = stripe.v1().invoices().retrieve(active.getLatestInvoice());
        assertThat(invoice.getId()).startsWith("in_");
        assertThat(invoice.getStatus()).isEqualTo("paid");
        assertThat(invoice.getAmountDue()).isEqualTo(4 * 19_900L);
        assertThat(invoice.getAmountPaid()).isEqualTo(4 * 19_900L);
        assertThat(invoice.getAmountRemaining()).isZero();
        assertThat(invoice.getParent().getSubscriptionDetails().getSubscription()).isEqualTo(trial.getId());
        assertThat(invoice.getLines().getData()).singleElement().satisfies(line -> {
            assertThat(line.getAmount()).isEqualTo(4 * 19_900L);
            assertThat(line.getQuantity()).isEqualTo(4L);
            assertThat(line.getPeriod().getStart()).isEqualTo(trialEnd);
            assertThat(line.getParent().getSubscriptionItemDetails().getProration()).isFalse();
        });
        assertThat(get(invoice.getHostedInvoiceUrl()).body()).contains(invoice.getId());
        HttpResponse<byte[]> pdf = browser.send(HttpRequest.newBuilder(URI.create(invoice.getInvoicePdf())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(new String(pdf.body(), 0, 8)).isEqualTo("%PDF-1.4");

        var invoices = stripe.v1().invoices().list(InvoiceListParams.builder().setSubscription(trial.getId())
                .build()).getData();
        assertThat(invoices).extracting(Invoice::getAmountDue).containsExactly(4 * 19_900L, 0L);
        assertThat(invoices.get(1).getStatus()).isEqualTo("paid");

        Event updated = server.eventsOfType("customer.subscription.updated").getLast();
        assertThat(updated.getData().getPreviousAttributes()).containsEntry("status", "trialing");
        assertThat(((Subscription) updated.getDataObjectDeserializer().getObject().orElseThrow()).getStatus())
                .isEqualTo("active");
        List<String> types = server.events().stream().map(Event::getType)
                .filter(t -> t.startsWith("invoice.") || t.startsWith("customer.subscription")).toList();
        assertThat(types.subList(types.size() - 5, types.size())).containsExactly("invoice.created",
                "invoice.finalized", "invoice.paid", "invoice.payment_succeeded", "customer.subscription.updated");
        assertThat(server.eventsOfType("invoice.paid").getLast().getAccount()).isNull();
    }

    @Test
    void aQuantityChangeMidPeriodIsProratedAsStripeComputesIt() throws Exception {
        Customer customer = customerPaying("pm_card_visa");
        Price price = monthly(10_000, "seat_prorate");
        Subscription sub = subscribe(customer, price, 2, null);
        assertThat(sub.getStatus()).isEqualTo("active");
        SubscriptionItem item = sub.getItems().getData().getFirst();
        long start = item.getCurrentPeriodStart();
        long end = item.getCurrentPeriodEnd();
        assertThat(stripe.v1().invoices().retrieve(sub.getLatestInvoice()).getAmountPaid()).isEqualTo(20_000L);

        server.advance(Duration.ofDays(10).plusHours(7));
        long now = server.now().getEpochSecond();
        long credit = -BigDecimal.valueOf(10_000L * 2 * (end - now))
                .divide(BigDecimal.valueOf(end - start), 0, RoundingMode.HALF_UP).longValueExact();
        long charge = BigDecimal.valueOf(10_000L * 5 * (end - now))
                .divide(BigDecimal.valueOf(end - start), 0, RoundingMode.HALF_UP).longValueExact();

        // what the change would cost, asked before making it
        Invoice whatIf = stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder()
                .setSubscription(sub.getId())
                .setSubscriptionDetails(InvoiceCreatePreviewParams.SubscriptionDetails.builder()
                        .addItem(InvoiceCreatePreviewParams.SubscriptionDetails.Item.builder().setId(item.getId())
                                .setQuantity(5L).build())
                        .setProrationDate(now).build())
                .build());
        assertThat(whatIf.getLines().getData()).extracting(InvoiceLineItem::getAmount)
                .containsExactly(credit, charge, 50_000L);
        assertThat(server.eventsOfType("invoiceitem.created")).isEmpty();
        Subscription changed = stripe.v1().subscriptions().update(sub.getId(), SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(item.getId()).setQuantity(5L).build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.CREATE_PRORATIONS).build());
        assertThat(changed.getItems().getData().getFirst().getQuantity()).isEqualTo(5L);
        Event updated = server.eventsOfType("customer.subscription.updated").getLast();
        assertThat(updated.getData().getPreviousAttributes()).containsKey("items");
        assertThat(server.eventsOfType("invoiceitem.created")).hasSize(2);
        Invoice preview = stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder()
                .setCustomer(customer.getId()).setSubscription(sub.getId()).build());
        List<InvoiceLineItem> lines = preview.getLines().getData();
        assertThat(lines).extracting(InvoiceLineItem::getAmount).containsExactly(credit, charge, 50_000L);
        assertThat(lines).extracting(l -> l.getParent().getSubscriptionItemDetails().getProration())
                .containsExactly(true, true, false);
        assertThat(lines.get(0).getDescription()).startsWith("Unused time on 2 × 门店月费 Store seat after");
        assertThat(lines.get(1).getDescription()).startsWith("Remaining time on 5 × 门店月费 Store seat after");
        assertThat(lines.get(0).getPeriod().getStart()).isEqualTo(now);
        assertThat(lines.get(0).getPeriod().getEnd()).isEqualTo(end);
        assertThat(lines.get(2).getPeriod().getStart()).isEqualTo(end);
        assertThat(preview.getTotal()).isEqualTo(credit + charge + 50_000L);
        assertThat(preview.getAmountDue()).isEqualTo(credit + charge + 50_000L);

        // none: no proration items
        stripe.v1().subscriptions().update(sub.getId(), SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(item.getId()).setQuantity(6L).build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.NONE).build());
        Invoice unchanged = stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder()
                .setSubscription(sub.getId()).build());
        assertThat(unchanged.getLines().getData()).extracting(InvoiceLineItem::getAmount)
                .containsExactly(credit, charge, 60_000L);

        server.advanceTo(Instant.ofEpochSecond(end));
        Subscription renewed = stripe.v1().subscriptions().retrieve(sub.getId());
        Invoice next = stripe.v1().invoices().retrieve(renewed.getLatestInvoice());
        assertThat(next.getStatus()).isEqualTo("paid");
        assertThat(next.getAmountPaid()).isEqualTo(credit + charge + 60_000L);
        assertThat(renewed.getItems().getData().getFirst().getCurrentPeriodStart()).isEqualTo(end);
    }

    @Test
    void alwaysInvoiceBillsTheProrationAtOnce() throws Exception {
        Customer customer = customerPaying("pm_card_visa");
        Price price = monthly(30_000, "seat_always");
        Subscription sub = subscribe(customer, price, 1, null);
        server.advance(Duration.ofDays(3));
        String itemId = sub.getItems().getData().getFirst().getId();
        Subscription changed = stripe.v1().subscriptions().update(sub.getId(), SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(itemId).setQuantity(2L).build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE).build());
        Invoice invoice = stripe.v1().invoices().retrieve(changed.getLatestInvoice());
        assertThat(invoice.getBillingReason()).isEqualTo("subscription_update");
        assertThat(invoice.getStatus()).isEqualTo("paid");
        assertThat(invoice.getLines().getData()).hasSize(2);
        long sum = invoice.getLines().getData().stream().mapToLong(InvoiceLineItem::getAmount).sum();
        assertThat(invoice.getTotal()).isEqualTo(sum).isPositive();
        Invoice preview = stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder()
                .setSubscription(sub.getId()).build());
        assertThat(preview.getLines().getData()).extracting(InvoiceLineItem::getAmount).containsExactly(60_000L);

        Subscription ending = stripe.v1().subscriptions().update(sub.getId(), SubscriptionUpdateParams.builder()
                .setCancelAtPeriodEnd(true).build());
        long end = ending.getItems().getData().getFirst().getCurrentPeriodEnd();
        assertThat(ending.getCancelAt()).isEqualTo(end);
        assertThatThrownBy(() -> stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder()
                .setSubscription(sub.getId()).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo("invoice_upcoming_none"));
        server.advance(Duration.ofDays(40));
        Subscription ended = stripe.v1().subscriptions().retrieve(sub.getId());
        assertThat(ended.getStatus()).isEqualTo("canceled");
        assertThat(ended.getEndedAt()).isEqualTo(end);
        assertThat(server.eventsOfType("customer.subscription.deleted")).hasSize(1);
        assertThat(stripe.v1().invoices().list(InvoiceListParams.builder().setSubscription(sub.getId()).build())
                .getData()).hasSize(2);
    }

    @Test
    void aFailedRenewalIsPastDueUntilTheInvoiceIsPaid() throws Exception {
        Customer customer = customerPaying("pm_card_chargeCustomerFail");
        Price price = monthly(50_000, "seat_fail");
        Subscription sub = subscribe(customer, price, 1, 7L);
        server.advance(Duration.ofDays(8));

        Subscription pastDue = stripe.v1().subscriptions().retrieve(sub.getId());
        assertThat(pastDue.getStatus()).isEqualTo("past_due");
        Invoice open = stripe.v1().invoices().retrieve(pastDue.getLatestInvoice());
        assertThat(open.getStatus()).isEqualTo("open");
        assertThat(open.getAttemptCount()).isEqualTo(1L);
        assertThat(open.getAmountRemaining()).isEqualTo(50_000L);
        assertThat(open.getNextPaymentAttempt()).isNotNull();
        assertThat(server.eventsOfType("invoice.payment_failed")).hasSize(1);
        assertThat(server.eventsOfType("customer.subscription.updated").getLast().getData().getPreviousAttributes())
                .containsEntry("status", "trialing");

        // Stripe retries on its schedule; the card still fails
        server.advanceTo(Instant.ofEpochSecond(open.getNextPaymentAttempt()));
        assertThat(stripe.v1().invoices().retrieve(open.getId()).getAttemptCount()).isEqualTo(2L);
        assertThat(server.eventsOfType("invoice.payment_failed")).hasSize(2);

        var session = stripe.v1().billingPortal().sessions().create(
                com.stripe.param.billingportal.SessionCreateParams.builder().setCustomer(customer.getId())
                        .setReturnUrl("https://m4s.example/billing").build());
        assertThat(session.getId()).startsWith("bps_");
        assertThat(get(session.getUrl()).body()).contains("添加测试卡 / Add test card");
        HttpResponse<String> back = post(server.url() + "/_test/portal/" + customer.getId(),
                "return=https%3A%2F%2Fm4s.example%2Fbilling");
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location")).contains("https://m4s.example/billing");
        String fixed = stripe.v1().customers().retrieve(customer.getId()).getInvoiceSettings()
                .getDefaultPaymentMethod();
        assertThat(fixed).isNotEqualTo(customer.getInvoiceSettings().getDefaultPaymentMethod());

        assertThat(server.payInvoice(open.getId())).isTrue();
        assertThat(stripe.v1().invoices().retrieve(open.getId()).getStatus()).isEqualTo("paid");
        Subscription active = stripe.v1().subscriptions().retrieve(sub.getId());
        assertThat(active.getStatus()).isEqualTo("active");
        assertThat(server.eventsOfType("customer.subscription.updated").getLast().getData().getPreviousAttributes())
                .containsEntry("status", "past_due");

        Subscription canceled = stripe.v1().subscriptions().cancel(sub.getId());
        assertThat(canceled.getStatus()).isEqualTo("canceled");
        assertThat(server.eventsOfType("customer.subscription.deleted")).hasSize(1);
    }

    @Test
    void registersTheSharedServerForSpringTests() {
        java.util.Map<String, Object> properties = new java.util.HashMap<>();
        StripeTestServer.register((name, value) -> properties.put(name, value.get()));
        assertThat(properties).containsEntry("m4s.stripe.api-base", StripeTestServer.shared().url())
                .containsEntry("m4s.stripe.secret-key", "sk_test_fixture")
                .containsEntry("m4s.stripe.publishable-key", "pk_test_fixture")
                .containsEntry("m4s.stripe.js-url", StripeTestServer.shared().url() + "/_test/js/v3");
        assertThat(StripeTestServer.shared()).isSameAs(StripeTestServer.shared());
    }

    @Test
    void eventsCarryTheRequestThatCausedThem() throws Exception {
        PaymentIntent paid = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(700L).setCurrency("cny").addPaymentMethodType("card").setPaymentMethod("pm_card_visa")
                .setConfirm(true).build(),
                RequestOptions.builder().setStripeAccount(DEALER).setIdempotencyKey("pay-700").build());
        var listed = stripe.v1().events().list(EventListParams.builder().setType("payment_intent.*").build(),
                on(DEALER)).getData();
        assertThat(listed).extracting(Event::getType).containsExactly("payment_intent.succeeded",
                "payment_intent.created");
        assertThat(listed.getFirst().getRequest().getId()).isEqualTo(paid.getLastResponse().requestId());
        assertThat(listed.getFirst().getRequest().getIdempotencyKey()).isEqualTo("pay-700");
        Event one = stripe.v1().events().retrieve(listed.getFirst().getId(), on(DEALER));
        assertThat(one.getPendingWebhooks()).isEqualTo(1L);
        assertThatThrownBy(() -> stripe.v1().events().retrieve(listed.getFirst().getId()))
                .isInstanceOf(InvalidRequestException.class);
    }

    // ---- webhooks

    @Test
    void heldWebhooksAreRecordedButNotSentUntilDeliveredByHand() throws Exception {
        server.holdWebhooks(true);
        PaymentIntent paid = card("pm_card_visa", 1_000, DEALER);
        assertThat(server.awaitWebhooks(Duration.ofSeconds(5))).isTrue();
        assertThat(connectReceiver.received()).isEmpty();
        Event succeeded = server.eventsOfType("payment_intent.succeeded").getFirst();
        assertThat(succeeded.getPendingWebhooks()).isZero();
        assertThat(((PaymentIntent) succeeded.getDataObjectDeserializer().getObject().orElseThrow()).getId())
                .isEqualTo(paid.getId());

        assertThat(server.deliver(succeeded.getId(), connectEndpoint)).isEqualTo(200);
        assertThat(connectReceiver.types()).containsExactly("payment_intent.succeeded");
        assertThat(server.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.eventId()).isEqualTo(succeeded.getId());
            assertThat(d.status()).isEqualTo(200);
        });
    }

    @Test
    void failedDeliveriesAreRetried() throws Exception {
        connectReceiver.answer(n -> n <= 2 ? 500 : 200);
        stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(100L).setCurrency("cny")
                .addPaymentMethodType("wechat_pay").build(), on(DEALER));
        assertThat(server.awaitWebhooks(Duration.ofSeconds(10))).isTrue();
        assertThat(server.deliveries()).extracting(WebhookDelivery::attempt, WebhookDelivery::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 500), org.assertj.core.groups.Tuple.tuple(2,
                        500), org.assertj.core.groups.Tuple.tuple(3, 200));
        assertThat(connectReceiver.received()).hasSize(3);
    }

    @Test
    void concurrentCopiesAllArrive() throws Exception {
        server.holdWebhooks(true);
        PaymentIntent paid = card("pm_card_visa", 1_000, DEALER);
        List<String> ids = server.eventsAbout(paid.getId()).stream().map(Event::getId).toList();
        assertThat(server.eventsAbout(paid.getId())).extracting(Event::getType)
                .containsExactly("payment_intent.created", "payment_intent.succeeded");
        List<Integer> statuses = server.deliverConcurrently(ids, 5, true);
        assertThat(statuses).hasSize(10).containsOnly(200);
        Set<String> received = connectReceiver.received().stream()
                .map(r -> com.google.gson.JsonParser.parseString(r.payload()).getAsJsonObject().get("id")
                        .getAsString()).collect(Collectors.toSet());
        assertThat(received).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(connectReceiver.received()).hasSize(10);
    }

    @Test
    void staleSignaturesFailStripeJavasCheck() throws Exception {
        server.signingTime(Instant.now().minus(Duration.ofHours(1)));
        card("pm_card_visa", 1_000, DEALER);
        assertThat(server.awaitWebhooks(Duration.ofSeconds(5))).isTrue();
        WebhookReceiver.Received received = connectReceiver.firstOfType("payment_intent.succeeded");
        assertThatThrownBy(() -> Webhook.constructEvent(received.payload(), received.signature(), CONNECT_SECRET,
                300)).isInstanceOf(SignatureVerificationException.class);
        String header = server.signedRequest(received.payload(), CONNECT_SECRET, Instant.now());
        assertThat(Webhook.constructEvent(received.payload(), header, CONNECT_SECRET, 300).getType())
                .isEqualTo("payment_intent.succeeded");
    }

    @Test
    void httpTestControlsMovePaymentsAndTheClock() throws Exception {
        PaymentIntent created = wechat(4_200);
        HttpResponse<String> processing = post(server.url() + "/_test/payment_intents/" + created.getId()
                + "/processing", "");
        assertThat(processing.statusCode()).isEqualTo(200);
        assertThat(stripe.v1().paymentIntents().retrieve(created.getId(), on(DEALER)).getStatus())
                .isEqualTo("processing");
        post(server.url() + "/_test/payment_intents/" + created.getId() + "/succeed", "");
        assertThat(stripe.v1().paymentIntents().retrieve(created.getId(), on(DEALER)).getStatus())
                .isEqualTo("succeeded");
        assertThat(post(server.url() + "/_test/payment_intents/" + created.getId() + "/fail", "").statusCode())
                .isEqualTo(400);

        Instant before = server.now();
        HttpResponse<String> clock = post(server.url() + "/_test/clock/advance?seconds=3600", "");
        assertThat(clock.statusCode()).isEqualTo(200);
        assertThat(server.now()).isEqualTo(before.plusSeconds(3600));
        assertThat(get(server.url() + "/_test/qr/" + created.getId() + ".png").headers()
                .firstValue("Content-Type")).contains("image/png");
    }
}
