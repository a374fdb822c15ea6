package com.m4s.platform.test.stripe;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The fixture's pages and test controls under {@code /_test/} (no API key needed), for the browser suite and for
 * processes that cannot call the Java API:
 * <ul>
 * <li>{@code GET /_test/authorize/{pi}}: the page a WeChat QR code or an Alipay redirect leads to;
 * {@code POST /_test/authorize/{pi}} with {@code outcome=succeed|fail}: the intent succeeds or fails, then Alipay
 * answers 303 to its return_url with {@code payment_intent}, {@code payment_intent_client_secret} and
 * {@code redirect_status=succeeded|failed}, WeChat a done page.</li>
 * <li>{@code GET /_test/qr/{pi}.png|.svg}: the QR code of a WeChat payment.</li>
 * <li>{@code POST /_test/payment_intents/{pi}/succeed|fail|processing}: moves an intent; answers its JSON.</li>
 * <li>{@code POST /_test/charges/{ch}/dispute}: opens a dispute; answers its JSON.</li>
 * <li>{@code POST /_test/clock/advance?seconds=N} (or {@code ?to=epochSeconds}), {@code GET /_test/clock}:
 * moves or reads the clock; answers {@code {"now": epochSeconds, "iso": ...}}.</li>
 * <li>{@code GET /_test/invoices/{in}} (HTML), {@code GET /_test/invoices/{in}.pdf}, {@code POST
 * /_test/invoices/{in}/pay}: collects an open invoice with the customer's default payment method; answers its
 * JSON (status paid, or still open when the payment failed).</li>
 * <li>{@code GET /_test/portal/{cus}?return=URL}; {@code POST /_test/portal/{cus}} with {@code return=URL}: attaches
 * a working Visa as the default payment method and answers 303 to the return URL.</li>
 * <li>{@code GET /_test/js/v3}: a stand-in for Stripe.js ({@code Stripe(key, {stripeAccount})}, {@code
 * elements().create('card').mount(el)}: one card-number field, {@code confirmCardPayment(clientSecret, {payment_method:
 * {card}})}); {@code POST /_test/js/confirm_card} with {@code client_secret}, {@code account}, {@code number}: what it
 * calls — 4242 4242 4242 4242 (Visa) and 5555 5555 5555 4444 (Mastercard) pay, any other number is declined; answers
 * {@code {"paymentIntent": ...}} or {@code {"error": ...}} as Stripe.js does, readable from any origin.</li>
 * <li>{@code POST /_test/accounts?id=acct_...}: registers a connected account.</li>
 * <li>{@code POST /_test/webhook_endpoints} with {@code url}, {@code secret}, {@code connect=true|false}.</li>
 * <li>{@code POST /_test/webhooks/hold|resume|release}: hold new events back, send new ones again, or send the
 * held ones too.</li>
 * </ul>
 * Callers hold the server's lock.
 */
final class TestControls {

    private final StripeTestServer server;
    private final ObjectStore store;
    private final Payments payments;
    private final Customers customers;
    private final Invoices invoices;

    TestControls(StripeTestServer server, ObjectStore store, Payments payments, Customers customers,
            Invoices invoices) {
        this.server = server;
        this.store = store;
        this.payments = payments;
        this.customers = customers;
        this.invoices = invoices;
    }

    Response handle(String method, List<String> path, FormParams query, FormParams form) {
        String first = path.isEmpty() ? "" : path.getFirst();
        switch (first) {
            case "js" -> {
                if (method.equals("GET") && path.size() == 2 && "v3".equals(path.get(1))) {
                    return new Response(200, "application/javascript; charset=utf-8",
                            Pages.stripeJs(server.url()).getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
                }
                requirePost(method);
                Response answer = Response.json(200, confirmCard(form));
                answer.headers().put("Access-Control-Allow-Origin", "*");
                return answer;
            }
            case "authorize" -> {
                ObjectStore.Stored pi = stored(path, 1, "payment_intent");
                if (method.equals("GET")) {
                    return Response.html(200, Pages.authorize(pi.json()));
                }
                String outcome = form.string("outcome") != null ? form.string("outcome") : query.string("outcome");
                String returnUrl = ObjectStore.str(pi.json(), "_return_url");
                JsonObject next = ObjectStore.obj(pi.json(), "next_action");
                boolean redirect = returnUrl != null && next != null
                        && "alipay_handle_redirect".equals(ObjectStore.str(next, "type"));
                Call call = Call.internal(pi.account());
                if ("fail".equals(outcome)) {
                    payments.fail(pi.json(), null, call);
                } else if ("succeed".equals(outcome) || outcome == null) {
                    payments.succeed(pi.json(), call);
                } else {
                    throw ApiError.invalid("outcome is succeed or fail", "outcome");
                }
                if (redirect) {
                    String id = ObjectStore.str(pi.json(), "id");
                    return Response.redirect(returnUrl + (returnUrl.contains("?") ? "&" : "?")
                            + "payment_intent=" + id + "&payment_intent_client_secret="
                            + ObjectStore.str(pi.json(), "client_secret") + "&redirect_status="
                            + ("succeeded".equals(ObjectStore.str(pi.json(), "status")) ? "succeeded" : "failed"));
                }
                return Response.html(200, Pages.done(pi.json()));
            }
            case "qr" -> {
                String file = path.size() > 1 ? path.get(1) : "";
                String id = file.replaceFirst("\\.(png|svg)$", "");
                stored(List.of("qr", id), 1, "payment_intent");
                String data = server.url() + "/_test/authorize/" + id;
                if (file.endsWith(".svg")) {
                    return new Response(200, "image/svg+xml", Pages.qrSvg(data).getBytes(StandardCharsets.UTF_8),
                            new LinkedHashMap<>());
                }
                return new Response(200, "image/png", Pages.qrPng(data), new LinkedHashMap<>());
            }
            case "payment_intents" -> {
                requirePost(method);
                String outcome = path.size() > 2 ? path.get(2) : "";
                ObjectStore.Stored pi = stored(path, 1, "payment_intent");
                Call call = Call.internal(pi.account());
                switch (outcome) {
                    case "succeed" -> payments.succeed(pi.json(), call);
                    case "fail" -> payments.fail(pi.json(), null, call);
                    case "processing" -> payments.processing(pi.json(), call);
                    default -> throw ApiError.invalid("use succeed, fail or processing", "outcome");
                }
                return Response.json(200, ObjectStore.strip(pi.json()));
            }
            case "charges" -> {
                requirePost(method);
                ObjectStore.Stored charge = stored(path, 1, "charge");
                return Response.json(200, ObjectStore.strip(payments.dispute(charge.json(), charge.account())));
            }
            case "clock" -> {
                if (method.equals("POST")) {
                    Long seconds = query.number("seconds") != null ? query.number("seconds")
                            : form.number("seconds");
                    Long to = query.number("to") != null ? query.number("to") : form.number("to");
                    if (seconds == null && to == null) {
                        throw ApiError.missingParam("seconds");
                    }
                    Instant target = to != null ? Instant.ofEpochSecond(to) : server.now().plusSeconds(seconds);
                    if (target.isBefore(server.now())) {
                        throw ApiError.invalid("the clock only moves forward", "seconds");
                    }
                    server.advanceTo(target);
                }
                JsonObject clock = new JsonObject();
                clock.addProperty("now", server.clock());
                clock.addProperty("iso", server.now().toString());
                return Response.json(200, clock);
            }
            case "invoices" -> {
                String file = path.size() > 1 ? path.get(1) : "";
                boolean pdf = file.endsWith(".pdf");
                ObjectStore.Stored invoice = stored(List.of("invoices", file.replaceFirst("\\.pdf$", "")), 1,
                        "invoice");
                if (path.size() > 2 && "pay".equals(path.get(2))) {
                    requirePost(method);
                    if (!"open".equals(ObjectStore.str(invoice.json(), "status"))) {
                        throw ApiError.state("invoice_not_open",
                                "Invoice is already " + ObjectStore.str(invoice.json(), "status") + ".");
                    }
                    invoices.pay(invoice.json(), Call.internal(invoice.account()));
                    return Response.json(200, ObjectStore.strip(invoice.json()));
                }
                if (pdf) {
                    return new Response(200, "application/pdf", Pages.invoicePdf(invoice.json()),
                            new LinkedHashMap<>());
                }
                return Response.html(200, Pages.invoice(invoice.json()));
            }
            case "portal" -> {
                ObjectStore.Stored customer = stored(path, 1, "customer");
                String back = form.string("return") != null ? form.string("return") : query.string("return");
                if (method.equals("POST")) {
                    customers.fixPaymentMethod(customer.json(), customer.account());
                    if (back != null && !back.isEmpty()) {
                        return Response.redirect(back);
                    }
                }
                return Response.html(200, Pages.portal(customer.json(), back == null || back.isEmpty()
                        ? null : back));
            }
            case "accounts" -> {
                requirePost(method);
                String id = form.string("id") != null ? form.string("id") : query.string("id");
                if (id == null || !id.startsWith("acct_")) {
                    throw ApiError.invalid("id must start with acct_", "id");
                }
                server.addConnected(id);
                JsonObject account = new JsonObject();
                account.addProperty("id", id);
                account.addProperty("object", "account");
                return Response.json(200, account);
            }
            case "webhook_endpoints" -> {
                requirePost(method);
                FormParams p = form.has("url") ? form : query;
                if (p.string("url") == null || p.string("secret") == null) {
                    throw ApiError.missingParam(p.string("url") == null ? "url" : "secret");
                }
                WebhookEndpoint endpoint = server.webhookEndpoint(p.string("url"), p.string("secret"), p.flag("connect"));
                JsonObject json = new JsonObject();
                json.addProperty("id", endpoint.id());
                json.addProperty("object", "webhook_endpoint");
                json.addProperty("url", endpoint.url());
                json.addProperty("connect", endpoint.connect());
                return Response.json(200, json);
            }
            case "webhooks" -> {
                requirePost(method);
                String action = path.size() > 1 ? path.get(1) : "";
                switch (action) {
                    case "hold" -> server.holdWebhooks(true);
                    case "resume" -> server.holdWebhooks(false);
                    case "release" -> {
                        server.holdWebhooks(false);
                        server.releaseHeldWebhooks();
                    }
                    default -> throw ApiError.invalid("use hold, resume or release", "action");
                }
                JsonObject json = new JsonObject();
                json.addProperty("webhooks", action);
                return Response.json(200, json);
            }
            default -> throw new ApiError(404, "invalid_request_error", null,
                    "Unrecognized test URL (" + method + ": /_test/" + String.join("/", path) + ").", null);
        }
    }

    /**
     * What Stripe.js's confirmCardPayment does: the intent named by its client secret confirmed with the card typed
     * (a test card number standing for Stripe's test tokens).
     */
    private JsonObject confirmCard(FormParams form) {
        String secret = form.string("client_secret");
        String id = secret == null || !secret.contains("_secret_") ? null : secret.substring(0, secret.indexOf("_secret_"));
        ObjectStore.Stored pi = store.find(id);
        JsonObject answer = new JsonObject();
        if (pi == null || !"payment_intent".equals(pi.type()) || !secret.equals(ObjectStore.str(pi.json(), "client_secret"))
                || !java.util.Objects.equals(pi.account(), blankToNull(form.string("account")))) {
            JsonObject error = new JsonObject();
            error.addProperty("type", "invalid_request_error");
            error.addProperty("code", "resource_missing");
            error.addProperty("message", "No such payment_intent: '" + id + "'");
            answer.add("error", error);
            return answer;
        }
        String number = form.string("number") == null ? "" : form.string("number").replaceAll("\\s", "");
        String token = switch (number) {
            case "4242424242424242" -> "pm_card_visa";
            case "5555555555554444" -> "pm_card_mastercard";
            default -> "pm_card_chargeDeclined";
        };
        Call call = new Call("POST", List.of("payment_intents", id, "confirm"),
                FormParams.parse("payment_method=" + token), pi.account(), ObjectStore.newId("req"), null);
        try {
            payments.route(call);
            answer.add("paymentIntent", ObjectStore.strip(pi.json()));
        } catch (ApiError e) {
            answer.add("error", e.body().getAsJsonObject("error"));
        }
        return answer;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private ObjectStore.Stored stored(List<String> path, int index, String type) {
        String id = path.size() > index ? path.get(index) : null;
        ObjectStore.Stored stored = store.find(id);
        if (stored == null || !stored.type().equals(type)) {
            throw ApiError.noSuch(type, id, "id");
        }
        return stored;
    }

    private static void requirePost(String method) {
        if (!method.equals("POST")) {
            throw new ApiError(405, "invalid_request_error", null, "Use POST", null);
        }
    }
}
