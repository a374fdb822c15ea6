package com.m4s.platform.test.stripe;

import static com.m4s.platform.test.stripe.ObjectStore.num;
import static com.m4s.platform.test.stripe.ObjectStore.obj;
import static com.m4s.platform.test.stripe.ObjectStore.putNull;
import static com.m4s.platform.test.stripe.ObjectStore.str;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Invoices and invoice items: made from a subscription's lines and pending items, finalised, collected with the
 * customer's default payment method. Callers hold the lock.
 */
final class Invoices {

    private final StripeTestServer server;
    private final ObjectStore store;
    private long invoiceNumber;

    Invoices(StripeTestServer server, ObjectStore store) {
        this.server = server;
        this.store = store;
    }

    JsonObject route(Call call) {
        FormParams p = call.params();
        String account = call.account();
        switch (call.segment(0)) {
            case "invoiceitems" -> {
                if (call.is("GET", 1)) {
                    String pending = p.string("pending");
                    return Lists.page(store.list("invoiceitem", account,
                            ii -> Lists.fieldMatches(ii, "customer", p) && (pending == null
                                    || pending.equals("true") == (str(ii, "invoice") == null))), p,
                            "/v1/invoiceitems");
                }
                if (call.is("GET", 2)) {
                    return store.require(call.segment(1), account, "invoiceitem", "id");
                }
                return null;
            }
            case "invoices" -> {
                if (call.is("GET", 1)) {
                    String subscription = p.string("subscription");
                    return Lists.page(store.list("invoice", account,
                            i -> Lists.fieldMatches(i, "customer", p) && Lists.fieldMatches(i, "status", p)
                                    && (subscription == null || subscription.equals(subscriptionOf(i)))), p,
                            "/v1/invoices");
                }
                JsonObject invoice = store.require(call.segment(1), account, "invoice", "invoice");
                if (call.is("GET", 2)) {
                    return invoice;
                }
                if (call.is("POST", 3) && "pay".equals(call.segment(2))) {
                    if (!"open".equals(str(invoice, "status"))) {
                        throw ApiError.state("invoice_not_open",
                                "Invoice is already " + str(invoice, "status") + ".");
                    }
                    if (!pay(invoice, call)) {
                        ApiError declined = new ApiError(402, "card_error", "card_declined",
                                "Your card was declined.", null);
                        throw declined;
                    }
                    return invoice;
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    JsonObject newInvoice(JsonObject sub, String reason, long periodStart, long periodEnd) {
        String account = store.accountOf(str(sub, "id"));
        JsonObject customer = store.require(str(sub, "customer"), account, "customer", "customer");
        JsonObject invoice = store.create(account, "in", "invoice", server.clock());
        fillInvoice(invoice, sub, customer, reason, periodStart, periodEnd);
        return invoice;
    }

    void fillInvoice(JsonObject invoice, JsonObject sub, JsonObject customer, String reason, long periodStart,
            long periodEnd) {
        String id = str(invoice, "id");
        putNull(invoice, "account_country", "account_name", "application", "default_payment_method",
                "default_source", "description", "due_date", "effective_at", "footer", "hosted_invoice_url",
                "invoice_pdf", "last_finalization_error", "next_payment_attempt", "number", "receipt_number",
                "statement_descriptor", "webhooks_delivered_at", "test_clock");
        invoice.addProperty("amount_due", 0);
        invoice.addProperty("amount_paid", 0);
        invoice.addProperty("amount_remaining", 0);
        invoice.addProperty("attempt_count", 0);
        invoice.addProperty("attempted", false);
        invoice.addProperty("auto_advance", true);
        invoice.addProperty("billing_reason", reason);
        invoice.addProperty("collection_method", "charge_automatically");
        invoice.addProperty("currency", str(sub, "currency"));
        invoice.addProperty("customer", str(customer, "id"));
        invoice.add("customer_email", customer.get("email"));
        invoice.add("customer_name", customer.get("name"));
        invoice.add("discounts", new JsonArray());
        invoice.addProperty("ending_balance", 0);
        JsonObject lines = ObjectStore.listOf(List.of(), "/v1/invoices/" + id + "/lines", false);
        lines.addProperty("total_count", 0);
        invoice.add("lines", lines);
        invoice.add("metadata", new JsonObject());
        JsonObject parent = new JsonObject();
        parent.addProperty("type", "subscription_details");
        putNull(parent, "quote_details");
        JsonObject details = new JsonObject();
        details.add("metadata", sub.get("metadata").deepCopy());
        details.addProperty("subscription", str(sub, "id"));
        parent.add("subscription_details", details);
        invoice.add("parent", parent);
        invoice.addProperty("period_start", periodStart);
        invoice.addProperty("period_end", periodEnd);
        invoice.addProperty("starting_balance", 0);
        invoice.addProperty("status", "draft");
        JsonObject transitions = new JsonObject();
        putNull(transitions, "finalized_at", "marked_uncollectible_at", "paid_at", "voided_at");
        invoice.add("status_transitions", transitions);
        invoice.addProperty("subtotal", 0);
        invoice.addProperty("subtotal_excluding_tax", 0);
        invoice.addProperty("total", 0);
        invoice.addProperty("total_excluding_tax", 0);
        invoice.add("total_taxes", new JsonArray());
    }

    void addSubscriptionLine(JsonObject invoice, JsonObject sub, long start, long end) {
        JsonObject item = Subscriptions.item(sub);
        addSubscriptionLine(invoice, sub, item.getAsJsonObject("price"), Subscriptions.quantity(item), start, end);
    }

    void addSubscriptionLine(JsonObject invoice, JsonObject sub, JsonObject price, long quantity, long start,
            long end) {
        String description = quantity + " × " + productName(price) + " (at " + money(num(price, "unit_amount"),
                str(price, "currency")) + " / " + price.getAsJsonObject("recurring").get("interval").getAsString()
                + ")";
        JsonObject line = line(invoice, num(price, "unit_amount") * quantity, description, quantity, start, end, false,
                null, sub, Subscriptions.item(sub));
        line.add("pricing", pricing(price));
        addLine(invoice, line);
    }

    /** The subscription's invoice items not yet on an invoice, oldest first. */
    List<JsonObject> pendingItems(JsonObject sub) {
        String account = store.accountOf(str(sub, "id"));
        return store.list("invoiceitem", account, ii -> str(ii, "invoice") == null
                && str(sub, "id").equals(str(obj(ii, "parent").getAsJsonObject("subscription_details"),
                        "subscription"))).reversed();
    }

    /** Puts the pending items on a stored invoice. */
    void addPendingItems(JsonObject invoice, JsonObject sub) {
        for (JsonObject ii : pendingItems(sub)) {
            addItemLine(invoice, sub, ii);
            ii.addProperty("invoice", str(invoice, "id"));
        }
    }

    void addItemLine(JsonObject invoice, JsonObject sub, JsonObject ii) {
        JsonObject period = ii.getAsJsonObject("period");
        JsonObject line = line(invoice, num(ii, "amount"), str(ii, "description"), num(ii, "quantity"),
                num(period, "start"), num(period, "end"), ii.get("proration").getAsBoolean(), str(ii, "id"), sub,
                Subscriptions.item(sub));
        line.add("pricing", ii.get("pricing").deepCopy());
        addLine(invoice, line);
    }

    JsonObject line(JsonObject invoice, long amount, String description, long quantity, long start, long end,
            boolean proration, String invoiceItem, JsonObject sub, JsonObject item) {
        JsonObject line = new JsonObject();
        line.addProperty("id", ObjectStore.newId("il"));
        line.addProperty("object", "line_item");
        line.addProperty("amount", amount);
        line.addProperty("currency", str(invoice, "currency"));
        line.addProperty("description", description);
        line.add("discount_amounts", new JsonArray());
        line.addProperty("discountable", !proration);
        line.add("discounts", new JsonArray());
        line.addProperty("invoice", str(invoice, "id"));
        line.addProperty("livemode", false);
        line.add("metadata", new JsonObject());
        JsonObject parent = new JsonObject();
        parent.addProperty("type", "subscription_item_details");
        putNull(parent, "invoice_item_details");
        JsonObject details = new JsonObject();
        details.addProperty("invoice_item", invoiceItem);
        details.addProperty("proration", proration);
        JsonObject prorationDetails = new JsonObject();
        putNull(prorationDetails, "credited_items");
        details.add("proration_details", prorationDetails);
        details.addProperty("subscription", str(sub, "id"));
        details.addProperty("subscription_item", str(item, "id"));
        parent.add("subscription_item_details", details);
        line.add("parent", parent);
        JsonObject period = new JsonObject();
        period.addProperty("end", end);
        period.addProperty("start", start);
        line.add("period", period);
        line.add("pretax_credit_amounts", new JsonArray());
        line.add("pricing", pricing(item.getAsJsonObject("price")));
        line.addProperty("quantity", quantity);
        line.addProperty("subtotal", amount);
        line.add("taxes", new JsonArray());
        return line;
    }

    static JsonObject pricing(JsonObject price) {
        JsonObject pricing = new JsonObject();
        pricing.addProperty("type", "price_details");
        JsonObject details = new JsonObject();
        details.addProperty("price", str(price, "id"));
        details.addProperty("product", str(price, "product"));
        pricing.add("price_details", details);
        pricing.addProperty("unit_amount_decimal", str(price, "unit_amount_decimal"));
        return pricing;
    }

    static void addLine(JsonObject invoice, JsonObject line) {
        JsonObject lines = invoice.getAsJsonObject("lines");
        lines.getAsJsonArray("data").add(line);
        lines.addProperty("total_count", lines.getAsJsonArray("data").size());
        long total = num(invoice, "total") + num(line, "amount");
        invoice.addProperty("subtotal", total);
        invoice.addProperty("subtotal_excluding_tax", total);
        invoice.addProperty("total", total);
        invoice.addProperty("total_excluding_tax", total);
        invoice.addProperty("amount_due", Math.max(0, total));
        invoice.addProperty("amount_remaining", Math.max(0, total));
        invoice.addProperty("ending_balance", Math.min(0, total));
    }

    /** Finalises a draft and, if asked, attempts payment; true when the invoice ends up paid. */
    boolean finalise(JsonObject invoice, boolean attempt, Call call) {
        String account = store.accountOf(str(invoice, "id"));
        server.emit("invoice.created", account, invoice, null, call);
        String id = str(invoice, "id");
        invoice.addProperty("status", "open");
        invoice.addProperty("number", "FIXTURE-" + String.format("%04d", ++invoiceNumber));
        invoice.addProperty("effective_at", server.clock());
        invoice.addProperty("hosted_invoice_url", server.url() + "/_test/invoices/" + id);
        invoice.addProperty("invoice_pdf", server.url() + "/_test/invoices/" + id + ".pdf");
        invoice.getAsJsonObject("status_transitions").addProperty("finalized_at", server.clock());
        server.emit("invoice.finalized", account, invoice, null, call);
        if (num(invoice, "amount_due") == 0) {
            markPaid(invoice, call);
            return true;
        }
        return attempt && pay(invoice, call);
    }

    /** One attempt to collect an open invoice with the customer's default payment method. */
    boolean pay(JsonObject invoice, Call call) {
        String account = store.accountOf(str(invoice, "id"));
        JsonObject customer = store.require(str(invoice, "customer"), account, "customer", "customer");
        String pmId = str(customer.getAsJsonObject("invoice_settings"), "default_payment_method");
        ObjectStore.Stored pm = store.find(pmId);
        invoice.addProperty("attempted", true);
        invoice.addProperty("attempt_count", num(invoice, "attempt_count") + 1);
        if (pm == null || !Payments.chargeable(pm.json())) {
            if (num(invoice, "attempt_count") < 4) {
                invoice.addProperty("next_payment_attempt", server.clock() + 3 * 86_400);
            } else {
                putNull(invoice, "next_payment_attempt");
            }
            server.emit("invoice.payment_failed", account, invoice, null, call);
            return false;
        }
        markPaid(invoice, call);
        JsonObject sub = store.find(subscriptionOf(invoice)) == null ? null
                : store.find(subscriptionOf(invoice)).json();
        if (sub != null && str(invoice, "id").equals(str(sub, "latest_invoice"))
                && (str(sub, "status").equals("past_due") || str(sub, "status").equals("incomplete"))) {
            JsonObject before = sub.deepCopy();
            sub.addProperty("status", "active");
            server.emit("customer.subscription.updated", account, sub, ObjectStore.previous(before, sub), call);
        }
        return true;
    }

    void markPaid(JsonObject invoice, Call call) {
        String account = store.accountOf(str(invoice, "id"));
        invoice.addProperty("status", "paid");
        invoice.addProperty("amount_paid", num(invoice, "amount_due"));
        invoice.addProperty("amount_remaining", 0);
        putNull(invoice, "next_payment_attempt");
        invoice.getAsJsonObject("status_transitions").addProperty("paid_at", server.clock());
        server.emit("invoice.paid", account, invoice, null, call);
        server.emit("invoice.payment_succeeded", account, invoice, null, call);
    }

    static String subscriptionOf(JsonObject invoice) {
        JsonObject parent = obj(invoice, "parent");
        JsonObject details = parent == null ? null : obj(parent, "subscription_details");
        return details == null ? null : str(details, "subscription");
    }

    String productName(JsonObject priceOrItem) {
        JsonObject price = priceOrItem.has("price") ? priceOrItem.getAsJsonObject("price") : priceOrItem;
        ObjectStore.Stored product = store.find(str(price, "product"));
        return product == null ? str(price, "product") : str(product.json(), "name");
    }

    static String money(long minor, String currency) {
        return currency.toUpperCase(Locale.ROOT) + " " + BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
