package com.m4s.platform.test.stripe;

import static com.m4s.platform.test.stripe.ObjectStore.metadata;
import static com.m4s.platform.test.stripe.ObjectStore.num;
import static com.m4s.platform.test.stripe.ObjectStore.obj;
import static com.m4s.platform.test.stripe.ObjectStore.putNull;
import static com.m4s.platform.test.stripe.ObjectStore.str;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** PaymentIntents, PaymentMethods, Charges, Refunds and Disputes. Callers hold the server's lock. */
final class Payments {

    private final StripeTestServer server;
    private final ObjectStore store;

    Payments(StripeTestServer server, ObjectStore store) {
        this.server = server;
        this.store = store;
    }

    /** The answer to an API call, or {@code null} when the path is not one of these resources. */
    JsonObject route(Call call) {
        String resource = call.segment(0);
        FormParams p = call.params();
        String account = call.account();
        switch (resource) {
            case "payment_intents" -> {
                if (call.is("POST", 1)) {
                    return createIntent(call);
                }
                if (call.is("GET", 1)) {
                    return Lists.page(store.list("payment_intent", account,
                            pi -> Lists.createdMatches(pi, p) && Lists.fieldMatches(pi, "customer", p)), p,
                            "/v1/payment_intents");
                }
                JsonObject pi = store.require(call.segment(1), account, "payment_intent", "intent");
                if (call.is("GET", 2)) {
                    return pi;
                }
                if (call.is("POST", 2)) {
                    ObjectStore.updateMetadata(pi, p.stringMap("metadata"));
                    if (p.has("description")) {
                        pi.addProperty("description", p.string("description"));
                    }
                    return pi;
                }
                if (call.is("POST", 3) && "confirm".equals(call.segment(2))) {
                    return confirm(pi, call);
                }
                if (call.is("POST", 3) && "cancel".equals(call.segment(2))) {
                    return cancel(pi, call);
                }
                return null;
            }
            case "payment_methods" -> {
                if (call.is("GET", 2)) {
                    return store.require(call.segment(1), account, "payment_method", "payment_method");
                }
                return null;
            }
            case "charges" -> {
                if (call.is("GET", 1)) {
                    return Lists.page(store.list("charge", account,
                            c -> Lists.fieldMatches(c, "payment_intent", p)), p, "/v1/charges");
                }
                if (call.is("GET", 2)) {
                    return store.require(call.segment(1), account, "charge", "charge");
                }
                return null;
            }
            case "refunds" -> {
                if (call.is("POST", 1)) {
                    return refund(call);
                }
                if (call.is("GET", 1)) {
                    return Lists.page(store.list("refund", account,
                            r -> Lists.fieldMatches(r, "payment_intent", p) && Lists.fieldMatches(r, "charge", p)),
                            p, "/v1/refunds");
                }
                if (call.is("GET", 2)) {
                    return store.require(call.segment(1), account, "refund", "refund");
                }
                return null;
            }
            case "disputes" -> {
                if (call.is("GET", 2)) {
                    return store.require(call.segment(1), account, "dispute", "dispute");
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    // ---- payment methods

    /** The PaymentMethod an id names: a test token ({@code pm_card_visa}...) makes a new one, as Stripe does. */
    JsonObject paymentMethod(String id, String account) {
        String behaviour = switch (id) {
            case "pm_card_visa", "pm_card_mastercard" -> "succeed";
            case "pm_card_chargeDeclined" -> "decline";
            case "pm_card_chargeCustomerFail" -> "customer_fail";
            default -> null;
        };
        if (behaviour == null) {
            return store.require(id, account, "payment_method", "payment_method");
        }
        JsonObject pm = newPaymentMethod(account, "card");
        JsonObject card = new JsonObject();
        card.addProperty("brand", id.equals("pm_card_mastercard") ? "mastercard" : "visa");
        card.addProperty("last4", switch (behaviour) {
            case "decline" -> "0002";
            case "customer_fail" -> "0341";
            default -> id.equals("pm_card_mastercard") ? "4444" : "4242";
        });
        card.addProperty("exp_month", 12);
        card.addProperty("exp_year", 2034);
        card.addProperty("country", "US");
        card.addProperty("funding", "credit");
        pm.add("card", card);
        pm.addProperty("_behaviour", behaviour);
        return pm;
    }

    JsonObject newPaymentMethod(String account, String type) {
        JsonObject pm = store.create(account, "pm", "payment_method", server.clock());
        pm.addProperty("type", type);
        JsonObject billing = new JsonObject();
        putNull(billing, "address", "email", "name", "phone");
        pm.add("billing_details", billing);
        putNull(pm, "customer");
        pm.add("metadata", new JsonObject());
        if (!type.equals("card")) {
            pm.add(type, new JsonObject());
        }
        pm.addProperty("_behaviour", "succeed");
        return pm;
    }

    static boolean chargeable(JsonObject pm) {
        return pm != null && "succeed".equals(str(pm, "_behaviour"));
    }

    // ---- payment intents

    private JsonObject createIntent(Call call) {
        FormParams p = call.params();
        Long amount = p.number("amount");
        if (amount == null) {
            throw ApiError.missingParam("amount");
        }
        if (amount < 1) {
            throw ApiError.invalid("Amount must be at least 1", "amount");
        }
        String currency = p.string("currency");
        if (currency == null) {
            throw ApiError.missingParam("currency");
        }
        List<String> types = p.strings("payment_method_types");
        if (types.isEmpty()) {
            types = List.of("card");
        }
        Long fee = p.number("application_fee_amount");
        if (fee != null && call.account() == null) {
            throw ApiError.invalid("Can only apply an application_fee_amount when the PaymentIntent is attempting a "
                    + "direct payment (using an OAuth key or Stripe-Account header) or destination payment (using "
                    + "`transfer_data[destination]`).", "application_fee_amount");
        }
        if (fee != null && (fee < 0 || fee > amount)) {
            throw ApiError.invalid("The application fee must be between 0 and the amount.", "application_fee_amount");
        }
        JsonObject pi = store.create(call.account(), "pi", "payment_intent", server.clock());
        String id = str(pi, "id");
        pi.addProperty("amount", amount);
        pi.addProperty("amount_capturable", 0);
        pi.addProperty("amount_received", 0);
        putNull(pi, "application", "application_fee_amount", "canceled_at", "cancellation_reason", "last_payment_error",
                "latest_charge", "next_action", "payment_method", "receipt_email", "processing", "on_behalf_of",
                "setup_future_usage", "statement_descriptor", "transfer_data", "transfer_group");
        pi.addProperty("application_fee_amount", fee);
        pi.addProperty("capture_method", "automatic");
        pi.addProperty("client_secret", id + "_secret_" + ObjectStore.newId("s").substring(4));
        pi.addProperty("confirmation_method", "automatic");
        pi.addProperty("currency", currency.toLowerCase());
        pi.addProperty("customer", p.string("customer"));
        pi.addProperty("description", p.string("description"));
        pi.add("metadata", metadata(p.stringMap("metadata")));
        pi.add("payment_method_types", ObjectStore.strings(types));
        pi.add("payment_method_options", options(p, types));
        pi.addProperty("status", "requires_payment_method");
        choosePaymentMethod(pi, call);
        server.emit("payment_intent.created", call.account(), pi, null, call);
        if (p.flag("confirm")) {
            return confirm(pi, call);
        }
        return pi;
    }

    private static JsonObject options(FormParams p, List<String> types) {
        JsonObject options = new JsonObject();
        for (String type : types) {
            JsonObject option = new JsonObject();
            p.stringMap("payment_method_options." + type).forEach(option::addProperty);
            options.add(type, option);
        }
        return options;
    }

    private void choosePaymentMethod(JsonObject pi, Call call) {
        FormParams p = call.params();
        JsonObject pm = null;
        if (p.has("payment_method_data.type")) {
            pm = newPaymentMethod(call.account(), p.string("payment_method_data.type"));
        } else if (p.string("payment_method") != null) {
            pm = paymentMethod(p.string("payment_method"), call.account());
        }
        if (pm != null) {
            pi.addProperty("payment_method", str(pm, "id"));
            if ("requires_payment_method".equals(str(pi, "status"))) {
                pi.addProperty("status", "requires_confirmation");
            }
        }
        if (p.string("return_url") != null) {
            pi.addProperty("_return_url", p.string("return_url"));
        }
        if (p.at("payment_method_options") != null) {
            JsonObject options = obj(pi, "payment_method_options");
            p.stringMap("payment_method_options.wechat_pay").forEach((k, v) -> {
                if (options.has("wechat_pay")) {
                    options.getAsJsonObject("wechat_pay").addProperty(k, v);
                }
            });
        }
    }

    private JsonObject confirm(JsonObject pi, Call call) {
        String status = str(pi, "status");
        if (!status.equals("requires_payment_method") && !status.equals("requires_confirmation")
                && !status.equals("requires_action")) {
            throw ApiError.state("payment_intent_unexpected_state",
                    "You cannot confirm this PaymentIntent because it has a status of " + status + ".");
        }
        if (call.path().size() > 1) {
            choosePaymentMethod(pi, call);
        }
        String pmId = str(pi, "payment_method");
        if (pmId == null) {
            throw ApiError.state("payment_intent_unexpected_state",
                    "You cannot confirm this PaymentIntent because it's missing a payment method.");
        }
        JsonObject pm = store.require(pmId, call.account(), "payment_method", "payment_method");
        String type = str(pm, "type");
        boolean allowed = false;
        for (var t : pi.getAsJsonArray("payment_method_types")) {
            allowed |= t.getAsString().equals(type);
        }
        if (!allowed) {
            throw ApiError.invalid("The PaymentMethod provided (" + type
                    + ") is not allowed for this PaymentIntent. Please attach a PaymentMethod of one of the following "
                    + "types: " + pi.get("payment_method_types") + ".", "payment_method");
        }
        String id = str(pi, "id");
        String base = server.url();
        switch (type) {
            case "wechat_pay" -> requireAction(pi, wechatAction(pi, base), call);
            case "alipay" -> {
                String returnUrl = str(pi, "_return_url");
                if (returnUrl == null) {
                    throw ApiError.invalid("A return_url must be specified because this Payment Intent is configured "
                            + "to automatically accept the payment methods enabled in the Dashboard, some of which "
                            + "may require a full page redirect to succeed.", "return_url");
                }
                String url = base + "/_test/authorize/" + id + "?return="
                        + URLEncoder.encode(returnUrl, StandardCharsets.UTF_8);
                JsonObject redirect = new JsonObject();
                redirect.addProperty("url", url);
                redirect.addProperty("return_url", returnUrl);
                redirect.addProperty("native_url", url);
                redirect.addProperty("native_data", "fixture-alipay:" + id);
                JsonObject next = new JsonObject();
                next.addProperty("type", "alipay_handle_redirect");
                next.add("alipay_handle_redirect", redirect);
                requireAction(pi, next, call);
            }
            case "card" -> {
                if (chargeable(pm)) {
                    succeed(pi, call);
                } else {
                    JsonObject error = declined(pm);
                    fail(pi, error, call);
                    ApiError card = new ApiError(402, "card_error", "card_declined", "Your card was declined.", null);
                    card.error.addProperty("decline_code", "generic_decline");
                    card.error.add("payment_intent", ObjectStore.strip(pi));
                    card.error.add("payment_method", ObjectStore.strip(pm));
                    throw card;
                }
            }
            default -> throw ApiError.invalid("The fixture does not support payment method type " + type, "type");
        }
        return pi;
    }

    /**
     * WeChat Pay's next action: a QR code for {@code client=web} (the default), an app hand-over for android and ios
     * (these need {@code app_id}). The code and the hand-over all lead to the fixture's authorize page.
     */
    private JsonObject wechatAction(JsonObject pi, String base) {
        String id = str(pi, "id");
        String page = base + "/_test/authorize/" + id;
        JsonObject options = obj(obj(pi, "payment_method_options"), "wechat_pay");
        String client = options == null ? null : str(options, "client");
        String appId = options == null ? null : str(options, "app_id");
        JsonObject next = new JsonObject();
        if ("android".equals(client) || "ios".equals(client)) {
            if (appId == null) {
                throw ApiError.invalid("payment_method_options[wechat_pay][app_id] is required when client is "
                        + client + ".", "payment_method_options[wechat_pay][app_id]");
            }
            JsonObject app = new JsonObject();
            if (client.equals("ios")) {
                app.addProperty("native_url", page);
                next.addProperty("type", "wechat_pay_redirect_to_ios_app");
                next.add("wechat_pay_redirect_to_ios_app", app);
            } else {
                app.addProperty("app_id", appId);
                app.addProperty("nonce_str", ObjectStore.newId("nonce").substring(8));
                app.addProperty("package", "Sign=WXPay");
                app.addProperty("partner_id", "fixture");
                app.addProperty("prepay_id", "wx_" + id);
                app.addProperty("sign", "fixture");
                app.addProperty("timestamp", String.valueOf(server.clock()));
                next.addProperty("type", "wechat_pay_redirect_to_android_app");
                next.add("wechat_pay_redirect_to_android_app", app);
            }
            return next;
        }
        JsonObject qr = new JsonObject();
        qr.addProperty("data", page);
        qr.addProperty("hosted_instructions_url", page);
        qr.addProperty("image_data_url", "data:image/png;base64," + Pages.qrPngBase64(page));
        qr.addProperty("image_url_png", base + "/_test/qr/" + id + ".png");
        qr.addProperty("image_url_svg", base + "/_test/qr/" + id + ".svg");
        next.addProperty("type", "wechat_pay_display_qr_code");
        next.add("wechat_pay_display_qr_code", qr);
        return next;
    }

    private static JsonObject declined(JsonObject pm) {
        JsonObject error = new JsonObject();
        error.addProperty("type", "card_error");
        error.addProperty("code", "card_declined");
        error.addProperty("decline_code", "generic_decline");
        error.addProperty("message", "Your card was declined.");
        error.add("payment_method", ObjectStore.strip(pm));
        return error;
    }

    private void requireAction(JsonObject pi, JsonObject next, Call call) {
        pi.addProperty("status", "requires_action");
        pi.add("next_action", next);
        putNull(pi, "last_payment_error");
        server.emit("payment_intent.requires_action", call.account(), pi, null, call);
    }

    /** Moves an intent waiting for its customer to processing (the bank is still deciding). */
    void processing(JsonObject pi, Call call) {
        expect(pi, "requires_action");
        pi.addProperty("status", "processing");
        putNull(pi, "next_action");
        server.emit("payment_intent.processing", call.account(), pi, null, call);
    }

    /** The customer paid: the intent succeeds with a charge. */
    void succeed(JsonObject pi, Call call) {
        expect(pi, "requires_action", "processing", "requires_confirmation", "requires_payment_method");
        if (str(pi, "payment_method") == null) {
            throw ApiError.state("payment_intent_unexpected_state", "The PaymentIntent has no payment method.");
        }
        JsonObject pm = store.require(str(pi, "payment_method"), call.account(), "payment_method", "payment_method");
        JsonObject charge = store.create(call.account(), "ch", "charge", server.clock());
        String chargeId = str(charge, "id");
        long amount = num(pi, "amount");
        charge.addProperty("amount", amount);
        charge.addProperty("amount_captured", amount);
        charge.addProperty("amount_refunded", 0);
        charge.add("application_fee_amount", pi.get("application_fee_amount"));
        charge.addProperty("application_fee", pi.get("application_fee_amount").isJsonNull() ? null
                : ObjectStore.newId("fee"));
        charge.addProperty("captured", true);
        charge.addProperty("currency", str(pi, "currency"));
        charge.add("customer", pi.get("customer"));
        charge.add("description", pi.get("description"));
        charge.addProperty("disputed", false);
        putNull(charge, "failure_code", "failure_message", "balance_transaction", "receipt_email");
        charge.add("metadata", pi.get("metadata").deepCopy());
        charge.addProperty("paid", true);
        charge.addProperty("payment_intent", str(pi, "id"));
        charge.addProperty("payment_method", str(pm, "id"));
        JsonObject details = new JsonObject();
        details.addProperty("type", str(pm, "type"));
        details.add(str(pm, "type"), pm.has("card") ? pm.get("card").deepCopy() : new JsonObject());
        charge.add("payment_method_details", details);
        charge.addProperty("refunded", false);
        JsonObject refunds = ObjectStore.listOf(List.of(), "/v1/charges/" + chargeId + "/refunds", false);
        refunds.addProperty("total_count", 0);
        charge.add("refunds", refunds);
        charge.addProperty("status", "succeeded");
        pi.addProperty("status", "succeeded");
        pi.addProperty("amount_received", amount);
        pi.addProperty("latest_charge", chargeId);
        putNull(pi, "next_action", "last_payment_error");
        server.emit("charge.succeeded", call.account(), charge, null, call);
        server.emit("payment_intent.succeeded", call.account(), pi, null, call);
    }

    /** The customer's payment failed: the intent asks for a payment method again. */
    void fail(JsonObject pi, JsonObject lastPaymentError, Call call) {
        expect(pi, "requires_action", "processing", "requires_confirmation", "requires_payment_method");
        JsonObject error = lastPaymentError;
        if (error == null) {
            error = new JsonObject();
            error.addProperty("type", "invalid_request_error");
            error.addProperty("code", "payment_intent_payment_attempt_failed");
            error.addProperty("message", "The latest payment attempt of this PaymentIntent has failed or been canceled.");
            JsonObject pm = store.find(str(pi, "payment_method")) == null ? null
                    : store.find(str(pi, "payment_method")).json();
            if (pm != null) {
                error.addProperty("payment_method_type", str(pm, "type"));
                error.add("payment_method", ObjectStore.strip(pm));
            }
        }
        pi.addProperty("status", "requires_payment_method");
        pi.add("last_payment_error", error);
        putNull(pi, "next_action", "payment_method");
        server.emit("payment_intent.payment_failed", call.account(), pi, null, call);
    }

    private JsonObject cancel(JsonObject pi, Call call) {
        String status = str(pi, "status");
        if (status.equals("succeeded") || status.equals("canceled") || status.equals("processing")) {
            throw ApiError.state("payment_intent_unexpected_state",
                    "You cannot cancel this PaymentIntent because it has a status of " + status
                            + ". Only a PaymentIntent with one of the following statuses may be canceled: "
                            + "requires_payment_method, requires_capture, requires_confirmation, requires_action.");
        }
        pi.addProperty("status", "canceled");
        pi.addProperty("canceled_at", server.clock());
        pi.addProperty("cancellation_reason", call.params().string("cancellation_reason"));
        putNull(pi, "next_action");
        server.emit("payment_intent.canceled", call.account(), pi, null, call);
        return pi;
    }

    private static void expect(JsonObject pi, String... statuses) {
        String status = str(pi, "status");
        for (String s : statuses) {
            if (s.equals(status)) {
                return;
            }
        }
        throw ApiError.state("payment_intent_unexpected_state",
                "This PaymentIntent's status is " + status + ", not one of " + String.join(", ", statuses) + ".");
    }

    // ---- refunds and disputes

    private JsonObject refund(Call call) {
        FormParams p = call.params();
        String account = call.account();
        JsonObject charge;
        JsonObject pi;
        if (p.string("payment_intent") != null) {
            pi = store.require(p.string("payment_intent"), account, "payment_intent", "payment_intent");
            if (str(pi, "latest_charge") == null) {
                throw ApiError.state("charge_not_refundable",
                        "This PaymentIntent does not have a successful charge to refund.");
            }
            charge = store.require(str(pi, "latest_charge"), account, "charge", "charge");
        } else if (p.string("charge") != null) {
            charge = store.require(p.string("charge"), account, "charge", "charge");
            pi = store.require(str(charge, "payment_intent"), account, "payment_intent", "payment_intent");
        } else {
            throw ApiError.missingParam("payment_intent");
        }
        long remaining = num(charge, "amount") - num(charge, "amount_refunded");
        if (remaining == 0) {
            throw ApiError.state("charge_already_refunded",
                    "Charge " + str(charge, "id") + " has already been refunded.");
        }
        Long requested = p.number("amount");
        long amount = requested == null ? remaining : requested;
        if (amount < 1) {
            throw ApiError.invalid("Refund amount must be at least 1", "amount");
        }
        if (amount > remaining) {
            throw new ApiError(400, "invalid_request_error", "amount_too_large", "Refund amount (" + amount
                    + ") is greater than unrefunded amount on charge (" + remaining + ")", "amount");
        }
        JsonObject refund = store.create(account, "re", "refund", server.clock());
        refund.addProperty("amount", amount);
        putNull(refund, "balance_transaction", "failure_reason", "receipt_number", "description");
        refund.addProperty("charge", str(charge, "id"));
        refund.addProperty("currency", str(charge, "currency"));
        refund.add("metadata", metadata(p.stringMap("metadata")));
        refund.addProperty("payment_intent", str(pi, "id"));
        refund.addProperty("reason", p.string("reason"));
        refund.addProperty("status", "succeeded");
        long refunded = num(charge, "amount_refunded") + amount;
        charge.addProperty("amount_refunded", refunded);
        charge.addProperty("refunded", refunded == num(charge, "amount"));
        JsonObject list = charge.getAsJsonObject("refunds");
        JsonArray data = new JsonArray();
        data.add(ObjectStore.strip(refund));
        data.addAll(list.getAsJsonArray("data"));
        list.add("data", data);
        list.addProperty("total_count", data.size());
        server.emit("charge.refunded", account, charge, null, call);
        server.emit("refund.created", account, refund, null, call);
        return refund;
    }

    JsonObject dispute(JsonObject charge, String account) {
        JsonObject dispute = store.create(account, "dp", "dispute", server.clock());
        dispute.addProperty("amount", num(charge, "amount"));
        dispute.add("balance_transactions", new JsonArray());
        dispute.addProperty("charge", str(charge, "id"));
        dispute.addProperty("currency", str(charge, "currency"));
        dispute.add("evidence", new JsonObject());
        JsonObject evidence = new JsonObject();
        evidence.addProperty("due_by", server.clock() + 7 * 86_400);
        evidence.addProperty("has_evidence", false);
        evidence.addProperty("past_due", false);
        evidence.addProperty("submission_count", 0);
        dispute.add("evidence_details", evidence);
        dispute.addProperty("is_charge_refundable", false);
        dispute.add("metadata", new JsonObject());
        dispute.addProperty("payment_intent", str(charge, "payment_intent"));
        dispute.addProperty("reason", "fraudulent");
        dispute.addProperty("status", "needs_response");
        charge.addProperty("disputed", true);
        server.emit("charge.dispute.created", account, dispute, null, Call.internal(account));
        return dispute;
    }
}
