package com.m4s.platform.test.stripe;

import static com.m4s.platform.test.stripe.ObjectStore.metadata;
import static com.m4s.platform.test.stripe.ObjectStore.num;
import static com.m4s.platform.test.stripe.ObjectStore.obj;
import static com.m4s.platform.test.stripe.ObjectStore.putNull;
import static com.m4s.platform.test.stripe.ObjectStore.str;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Customers, Products, Prices, Subscriptions, invoice items and Invoices, and what the clock does to them. Callers
 * hold the server's lock.
 */
final class Billing {

    private static final long TRIAL_WARNING = 3 * 86_400;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final StripeTestServer server;
    private final ObjectStore store;
    private final Payments payments;
    private long invoiceNumber;

    Billing(StripeTestServer server, ObjectStore store, Payments payments) {
        this.server = server;
        this.store = store;
        this.payments = payments;
    }

    JsonObject route(Call call) {
        FormParams p = call.params();
        String account = call.account();
        switch (call.segment(0)) {
            case "customers" -> {
                if (call.is("POST", 1)) {
                    return createCustomer(call);
                }
                if (call.is("GET", 1)) {
                    return Lists.page(store.list("customer", account, c -> Lists.fieldMatches(c, "email", p)), p,
                            "/v1/customers");
                }
                JsonObject customer = store.require(call.segment(1), account, "customer", "customer");
                if (call.is("GET", 2)) {
                    return customer;
                }
                if (call.is("POST", 2)) {
                    return updateCustomer(customer, call);
                }
                return null;
            }
            case "payment_methods" -> {
                if (call.is("POST", 3) && "attach".equals(call.segment(2))) {
                    return attach(call.segment(1), p.string("customer"), call);
                }
                return null;
            }
            case "products" -> {
                if (call.is("POST", 1)) {
                    return createProduct(p.string("name"), p.string("description"), p, call);
                }
                if (call.is("GET", 2)) {
                    return store.require(call.segment(1), account, "product", "id");
                }
                return null;
            }
            case "prices" -> {
                if (call.is("POST", 1)) {
                    return createPrice(call);
                }
                if (call.is("GET", 1)) {
                    List<String> keys = p.strings("lookup_keys");
                    String active = p.string("active");
                    return Lists.page(store.list("price", account,
                            price -> (keys.isEmpty() || keys.contains(str(price, "lookup_key")))
                                    && (active == null || active.equals(price.get("active").getAsString()))
                                    && Lists.fieldMatches(price, "product", p)), p, "/v1/prices");
                }
                if (call.is("GET", 2)) {
                    return store.require(call.segment(1), account, "price", "price");
                }
                return null;
            }
            case "subscriptions" -> {
                if (call.is("POST", 1)) {
                    return createSubscription(call);
                }
                if (call.is("GET", 1)) {
                    String status = p.string("status");
                    return Lists.page(store.list("subscription", account,
                            s -> Lists.fieldMatches(s, "customer", p)
                                    && (status == null ? !"canceled".equals(str(s, "status"))
                                            : status.equals("all") || status.equals(str(s, "status")))), p,
                            "/v1/subscriptions");
                }
                JsonObject sub = store.require(call.segment(1), account, "subscription", "id");
                if (call.is("GET", 2)) {
                    return sub;
                }
                if (call.is("POST", 2)) {
                    return updateSubscription(sub, call);
                }
                if (call.is("DELETE", 2)) {
                    return cancel(sub, call);
                }
                return null;
            }
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
                if (call.is("POST", 2) && "create_preview".equals(call.segment(1))) {
                    return preview(call);
                }
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
            case "billing_portal" -> {
                if (call.is("POST", 2) && "sessions".equals(call.segment(1))) {
                    return portalSession(call);
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    // ---- customers, payment methods

    private JsonObject createCustomer(Call call) {
        FormParams p = call.params();
        JsonObject customer = store.create(call.account(), "cus", "customer", server.clock());
        putNull(customer, "address", "currency", "default_source", "discount", "shipping", "test_clock");
        customer.addProperty("balance", 0);
        customer.addProperty("delinquent", false);
        customer.addProperty("description", p.string("description"));
        customer.addProperty("email", p.string("email"));
        customer.addProperty("name", p.string("name"));
        customer.addProperty("phone", p.string("phone"));
        customer.addProperty("invoice_prefix", str(customer, "id").substring(5, 13).toUpperCase(Locale.ROOT));
        JsonObject settings = new JsonObject();
        putNull(settings, "custom_fields", "footer", "rendering_options");
        settings.addProperty("default_payment_method", p.string("invoice_settings.default_payment_method"));
        customer.add("invoice_settings", settings);
        customer.add("metadata", metadata(p.stringMap("metadata")));
        customer.addProperty("next_invoice_sequence", 1);
        customer.add("preferred_locales", ObjectStore.strings(p.strings("preferred_locales")));
        customer.addProperty("tax_exempt", "none");
        server.emit("customer.created", call.account(), customer, null, call);
        return customer;
    }

    private JsonObject updateCustomer(JsonObject customer, Call call) {
        FormParams p = call.params();
        JsonObject before = customer.deepCopy();
        for (String field : List.of("name", "email", "phone", "description")) {
            if (p.has(field)) {
                customer.addProperty(field, p.string(field).isEmpty() ? null : p.string(field));
            }
        }
        ObjectStore.updateMetadata(customer, p.stringMap("metadata"));
        String pmId = p.string("invoice_settings.default_payment_method");
        if (pmId != null) {
            if (!pmId.isEmpty()) {
                JsonObject pm = store.find(pmId) == null ? null : store.find(pmId).json();
                if (pm == null || !str(customer, "id").equals(str(pm, "customer"))) {
                    throw ApiError.invalid("The customer does not have a payment method with the ID " + pmId
                            + ". The payment method must be attached to the customer.",
                            "invoice_settings[default_payment_method]");
                }
            }
            JsonObject settings = customer.getAsJsonObject("invoice_settings").deepCopy();
            settings.addProperty("default_payment_method", pmId.isEmpty() ? null : pmId);
            customer.add("invoice_settings", settings);
        }
        server.emit("customer.updated", call.account(), customer, ObjectStore.previous(before, customer), call);
        return customer;
    }

    JsonObject attach(String pmId, String customerId, Call call) {
        if (customerId == null) {
            throw ApiError.missingParam("customer");
        }
        JsonObject customer = store.require(customerId, call.account(), "customer", "customer");
        JsonObject pm = payments.paymentMethod(pmId, call.account());
        String owner = str(pm, "customer");
        if (owner != null && !owner.equals(customerId)) {
            throw ApiError.state("payment_method_unexpected_state",
                    "The payment method you provided has already been attached to a customer.");
        }
        pm.addProperty("customer", str(customer, "id"));
        server.emit("payment_method.attached", call.account(), pm, null, call);
        return pm;
    }

    /** What the portal page does: a working card attached and made the customer's default. */
    void fixPaymentMethod(JsonObject customer, String account) {
        Call call = Call.internal(account);
        JsonObject pm = attach("pm_card_visa", str(customer, "id"), call);
        JsonObject before = customer.deepCopy();
        JsonObject settings = customer.getAsJsonObject("invoice_settings").deepCopy();
        settings.addProperty("default_payment_method", str(pm, "id"));
        customer.add("invoice_settings", settings);
        server.emit("customer.updated", account, customer, ObjectStore.previous(before, customer), call);
    }

    private JsonObject portalSession(Call call) {
        FormParams p = call.params();
        JsonObject customer = store.require(p.string("customer"), call.account(), "customer", "customer");
        JsonObject session = store.create(call.account(), "bps", "billing_portal.session", server.clock());
        session.addProperty("configuration", "bpc_fixture");
        session.addProperty("customer", str(customer, "id"));
        putNull(session, "flow", "locale", "on_behalf_of");
        String returnUrl = p.string("return_url");
        session.addProperty("return_url", returnUrl);
        session.addProperty("url", server.url() + "/_test/portal/" + str(customer, "id")
                + (returnUrl == null ? "" : "?return=" + URLEncoder.encode(returnUrl, StandardCharsets.UTF_8)));
        return session;
    }

    // ---- products, prices

    private JsonObject createProduct(String name, String description, FormParams p, Call call) {
        if (name == null) {
            throw ApiError.missingParam("name");
        }
        JsonObject product = store.create(call.account(), "prod", "product", server.clock());
        product.addProperty("active", true);
        putNull(product, "default_price", "unit_label", "url");
        product.addProperty("description", description);
        product.add("images", new JsonArray());
        product.add("marketing_features", new JsonArray());
        product.add("metadata", p == null ? new JsonObject() : metadata(p.stringMap("metadata")));
        product.addProperty("name", name);
        product.addProperty("updated", server.clock());
        server.emit("product.created", call.account(), product, null, call);
        return product;
    }

    private JsonObject createPrice(Call call) {
        FormParams p = call.params();
        String account = call.account();
        JsonObject product;
        if (p.string("product") != null) {
            product = store.require(p.string("product"), account, "product", "product");
        } else if (p.string("product_data.name") != null) {
            product = createProduct(p.string("product_data.name"), null, null, call);
        } else {
            throw ApiError.missingParam("product");
        }
        Long unitAmount = p.number("unit_amount");
        if (unitAmount == null) {
            throw ApiError.missingParam("unit_amount");
        }
        if (p.string("currency") == null) {
            throw ApiError.missingParam("currency");
        }
        String lookupKey = p.string("lookup_key");
        if (lookupKey != null) {
            for (JsonObject other : store.list("price", account, x -> lookupKey.equals(str(x, "lookup_key")))) {
                if (!p.flag("transfer_lookup_key")) {
                    throw ApiError.invalid("A price (`" + str(other, "id") + "`) already uses that lookup key.",
                            "lookup_key");
                }
                other.add("lookup_key", com.google.gson.JsonNull.INSTANCE);
            }
        }
        JsonObject price = store.create(account, "price", "price", server.clock());
        price.addProperty("active", !"false".equals(p.string("active")));
        price.addProperty("billing_scheme", "per_unit");
        price.addProperty("currency", p.string("currency").toLowerCase(Locale.ROOT));
        putNull(price, "custom_unit_amount", "tiers_mode", "transform_quantity");
        price.addProperty("lookup_key", lookupKey);
        price.add("metadata", metadata(p.stringMap("metadata")));
        price.addProperty("nickname", p.string("nickname"));
        price.addProperty("product", str(product, "id"));
        if (p.string("recurring.interval") != null) {
            JsonObject recurring = new JsonObject();
            recurring.addProperty("interval", p.string("recurring.interval"));
            Long count = p.number("recurring.interval_count");
            recurring.addProperty("interval_count", count == null ? 1 : count);
            putNull(recurring, "meter", "trial_period_days");
            recurring.addProperty("usage_type", "licensed");
            price.add("recurring", recurring);
            price.addProperty("type", "recurring");
        } else {
            putNull(price, "recurring");
            price.addProperty("type", "one_time");
        }
        price.addProperty("tax_behavior", "unspecified");
        price.addProperty("unit_amount", unitAmount);
        price.addProperty("unit_amount_decimal", unitAmount.toString());
        price.addProperty("_product_name", str(product, "name"));
        server.emit("price.created", account, price, null, call);
        return price;
    }

    // ---- subscriptions

    private JsonObject createSubscription(Call call) {
        FormParams p = call.params();
        String account = call.account();
        if (p.string("customer") == null) {
            throw ApiError.missingParam("customer");
        }
        JsonObject customer = store.require(p.string("customer"), account, "customer", "customer");
        if (p.size("items") != 1) {
            throw ApiError.invalid("The fixture supports subscriptions of exactly one item.", "items");
        }
        JsonObject price = store.require(p.string("items.0.price"), account, "price", "items[0][price]");
        if (price.get("recurring").isJsonNull()) {
            throw ApiError.invalid("The price specified is set to `type=one_time` but this field only accepts "
                    + "prices with `type=recurring`.", "items[0][price]");
        }
        Long quantity = p.number("items.0.quantity");
        long now = server.clock();
        Long trialEnd = null;
        if (p.number("trial_period_days") != null) {
            trialEnd = now + p.number("trial_period_days") * 86_400;
        } else if (p.string("trial_end") != null && !"now".equals(p.string("trial_end"))) {
            trialEnd = p.number("trial_end");
            if (trialEnd <= now) {
                throw ApiError.invalid("Invalid timestamp: must be in the future", "trial_end");
            }
        }
        JsonObject sub = store.create(account, "sub", "subscription", now);
        String subId = str(sub, "id");
        putNull(sub, "application", "billing_cycle_anchor_config", "cancel_at", "canceled_at", "days_until_due",
                "default_payment_method", "ended_at", "pause_collection", "pending_update", "schedule",
                "test_clock", "description");
        JsonObject billingMode = new JsonObject();
        billingMode.addProperty("type", "classic");
        sub.add("billing_mode", billingMode);
        sub.addProperty("cancel_at_period_end", p.flag("cancel_at_period_end"));
        JsonObject cancellation = new JsonObject();
        putNull(cancellation, "comment", "feedback", "reason");
        sub.add("cancellation_details", cancellation);
        sub.addProperty("collection_method", "charge_automatically");
        sub.addProperty("currency", str(price, "currency"));
        sub.addProperty("customer", str(customer, "id"));
        sub.add("discounts", new JsonArray());
        sub.add("metadata", metadata(p.stringMap("metadata")));
        sub.addProperty("start_date", now);
        long anchor = trialEnd == null ? now : trialEnd;
        sub.addProperty("billing_cycle_anchor", anchor);
        sub.addProperty("_anchor", anchor);
        sub.addProperty("_period", trialEnd == null ? 0 : -1);
        if (trialEnd == null) {
            putNull(sub, "trial_start", "trial_end");
        } else {
            sub.addProperty("trial_start", now);
            sub.addProperty("trial_end", trialEnd);
        }
        JsonObject settings = new JsonObject();
        JsonObject endBehavior = new JsonObject();
        endBehavior.addProperty("missing_payment_method", "create_invoice");
        settings.add("end_behavior", endBehavior);
        sub.add("trial_settings", settings);

        JsonObject item = new JsonObject();
        item.addProperty("id", ObjectStore.newId("si"));
        item.addProperty("object", "subscription_item");
        item.addProperty("created", now);
        item.addProperty("current_period_start", now);
        item.addProperty("current_period_end", trialEnd == null ? periodEnd(anchor, 0, price) : trialEnd);
        item.add("discounts", new JsonArray());
        item.add("metadata", new JsonObject());
        item.add("price", ObjectStore.strip(price));
        item.addProperty("quantity", quantity == null ? 1 : quantity);
        item.addProperty("subscription", subId);
        item.add("tax_rates", new JsonArray());
        JsonObject items = ObjectStore.listOf(List.of(item), "/v1/subscription_items?subscription=" + subId, false);
        items.addProperty("total_count", 1);
        sub.add("items", items);
        sub.addProperty("status", trialEnd == null ? "incomplete" : "trialing");

        // the first invoice: the trial's (zero) or the first period's
        JsonObject invoice = newInvoice(sub, "subscription_create", now, now);
        if (trialEnd == null) {
            addSubscriptionLine(invoice, sub, now, num(item, "current_period_end"));
        } else {
            JsonObject line = line(invoice, 0, "Trial period for " + productName(item), quantity(item), now, trialEnd,
                    false, null, sub, item);
            addLine(invoice, line);
        }
        sub.addProperty("latest_invoice", str(invoice, "id"));
        boolean attempt = !"default_incomplete".equals(p.string("payment_behavior"));
        server.emit("customer.subscription.created", account, sub, null, call);
        warnOfTrialEnd(sub, call);
        JsonObject before = sub.deepCopy();
        boolean paid = finalise(invoice, attempt, call);
        if (trialEnd == null && paid) {
            sub.addProperty("status", "active");
            server.emit("customer.subscription.updated", account, sub, ObjectStore.previous(before, sub), call);
        }
        return sub;
    }

    private JsonObject updateSubscription(JsonObject sub, Call call) {
        FormParams p = call.params();
        String account = call.account();
        if ("canceled".equals(str(sub, "status"))) {
            throw ApiError.state("resource_missing",
                    "A canceled subscription can only update its cancellation_details and metadata.");
        }
        JsonObject before = sub.deepCopy();
        ObjectStore.updateMetadata(sub, p.stringMap("metadata"));
        JsonObject item = item(sub);
        if (p.has("cancel_at_period_end")) {
            boolean cancel = p.flag("cancel_at_period_end");
            sub.addProperty("cancel_at_period_end", cancel);
            if (cancel) {
                sub.addProperty("cancel_at", num(item, "current_period_end"));
            } else {
                putNull(sub, "cancel_at");
            }
        }
        Change change = change(sub, p, "", account);
        if (change != null) {
            for (JsonObject ii : prorations(sub, change)) {
                store.put(account, ii);
                server.emit("invoiceitem.created", account, ii, null, call);
            }
            JsonObject newItem = item.deepCopy();
            newItem.add("price", change.newPrice.deepCopy());
            newItem.addProperty("quantity", change.newQuantity);
            setItem(sub, newItem);
            if (change.prorates() && change.behaviour.equals("always_invoice")) {
                JsonObject invoice = newInvoice(sub, "subscription_update", server.clock(), server.clock());
                addPendingItems(invoice, sub);
                sub.addProperty("latest_invoice", str(invoice, "id"));
                finalise(invoice, true, call);
            }
        }
        server.emit("customer.subscription.updated", account, sub, ObjectStore.previous(before, sub), call);
        return sub;
    }

    /** A change of the subscription's item asked for by {@code items[0][...]} under a prefix. */
    private record Change(JsonObject oldPrice, long oldQuantity, JsonObject newPrice, long newQuantity,
            String behaviour, long at, boolean trialing) {

        boolean changed() {
            return newQuantity != oldQuantity || !str(newPrice, "id").equals(str(oldPrice, "id"));
        }

        boolean prorates() {
            return changed() && !trialing && !behaviour.equals("none");
        }
    }

    private Change change(JsonObject sub, FormParams p, String prefix, String account) {
        if (p.size(prefix + "items") == 0) {
            return null;
        }
        JsonObject item = item(sub);
        String param = prefix.isEmpty() ? "items[0]" : "subscription_details[items][0]";
        String itemId = p.string(prefix + "items.0.id");
        if (itemId == null || !itemId.equals(str(item, "id"))) {
            throw ApiError.invalid("The fixture supports one item per subscription: pass " + param + "[id]="
                    + str(item, "id") + ".", param + "[id]");
        }
        JsonObject oldPrice = item.getAsJsonObject("price");
        long oldQuantity = quantity(item);
        String priceId = p.string(prefix + "items.0.price");
        JsonObject newPrice = priceId == null ? oldPrice
                : ObjectStore.strip(store.require(priceId, account, "price", param + "[price]"));
        Long q = p.number(prefix + "items.0.quantity");
        long newQuantity = q == null ? oldQuantity : q;
        if (newQuantity < 0) {
            throw ApiError.invalid("Invalid quantity", param + "[quantity]");
        }
        String behaviour = p.string(prefix + "proration_behavior") == null ? "create_prorations"
                : p.string(prefix + "proration_behavior");
        Long date = p.number(prefix + "proration_date");
        return new Change(oldPrice, oldQuantity, newPrice, newQuantity, behaviour,
                date == null ? server.clock() : date, "trialing".equals(str(sub, "status")));
    }

    /**
     * The proration items a change makes, not stored: a credit for the unused time of the old quantity and price, a
     * charge for the remaining time of the new, each {@code round(unit_amount × quantity × remaining / period)}.
     */
    private List<JsonObject> prorations(JsonObject sub, Change change) {
        if (!change.prorates()) {
            return List.of();
        }
        JsonObject item = item(sub);
        long start = num(item, "current_period_start");
        long end = num(item, "current_period_end");
        String after = DAY.format(Instant.ofEpochSecond(change.at).atZone(ZoneOffset.UTC));
        return List.of(
                prorationItem(sub, item, change.oldPrice, change.oldQuantity, -1, "Unused time on "
                        + change.oldQuantity + " × " + productName(change.oldPrice) + " after " + after,
                        change.at, start, end),
                prorationItem(sub, item, change.newPrice, change.newQuantity, 1, "Remaining time on "
                        + change.newQuantity + " × " + productName(change.newPrice) + " after " + after,
                        change.at, start, end));
    }

    private JsonObject prorationItem(JsonObject sub, JsonObject item, JsonObject price, long quantity, int sign,
            String description, long at, long start, long end) {
        long remaining = Math.max(0, end - at);
        BigDecimal exact = BigDecimal.valueOf(num(price, "unit_amount")).multiply(BigDecimal.valueOf(quantity))
                .multiply(BigDecimal.valueOf(remaining))
                .divide(BigDecimal.valueOf(end - start), 0, RoundingMode.HALF_UP);
        JsonObject ii = new JsonObject();
        ii.addProperty("id", ObjectStore.newId("ii"));
        ii.addProperty("object", "invoiceitem");
        ii.addProperty("amount", sign * exact.longValueExact());
        ii.addProperty("currency", str(price, "currency"));
        ii.addProperty("customer", str(sub, "customer"));
        ii.addProperty("date", server.clock());
        ii.addProperty("description", description);
        ii.addProperty("discountable", false);
        ii.add("discounts", new JsonArray());
        putNull(ii, "invoice", "test_clock");
        ii.addProperty("livemode", false);
        ii.add("metadata", new JsonObject());
        JsonObject parent = new JsonObject();
        parent.addProperty("type", "subscription_details");
        JsonObject details = new JsonObject();
        details.addProperty("subscription", str(sub, "id"));
        details.addProperty("subscription_item", str(item, "id"));
        parent.add("subscription_details", details);
        ii.add("parent", parent);
        JsonObject period = new JsonObject();
        period.addProperty("start", at);
        period.addProperty("end", end);
        ii.add("period", period);
        ii.add("pricing", pricing(price));
        ii.addProperty("proration", true);
        ii.addProperty("quantity", quantity);
        ii.add("tax_rates", new JsonArray());
        return ii;
    }

    private JsonObject cancel(JsonObject sub, Call call) {
        if ("canceled".equals(str(sub, "status"))) {
            throw ApiError.state("resource_missing", "This subscription is already canceled.");
        }
        end(sub, "cancellation_requested", call);
        return sub;
    }

    private void end(JsonObject sub, String reason, Call call) {
        sub.addProperty("status", "canceled");
        sub.addProperty("canceled_at", server.clock());
        sub.addProperty("ended_at", server.clock());
        JsonObject details = sub.getAsJsonObject("cancellation_details").deepCopy();
        details.addProperty("reason", reason);
        sub.add("cancellation_details", details);
        server.emit("customer.subscription.deleted", call.account(), sub, null, call);
    }

    // ---- the clock

    /** The next moment after which something happens (a trial or period ends, a payment is retried). */
    Long nextBoundary() {
        Long next = null;
        for (String account : server.accounts()) {
            for (JsonObject sub : store.list("subscription", account, s -> true)) {
                String status = str(sub, "status");
                if (status.equals("trialing") || status.equals("active") || status.equals("past_due")) {
                    long end = num(item(sub), "current_period_end");
                    next = next == null ? end : Math.min(next, end);
                }
                if (status.equals("trialing") && !sub.has("_trial_will_end_sent")) {
                    long warning = num(sub, "trial_end") - TRIAL_WARNING;
                    next = next == null ? warning : Math.min(next, warning);
                }
            }
            for (JsonObject invoice : store.list("invoice", account, i -> "open".equals(str(i, "status")))) {
                if (invoice.has("next_payment_attempt") && !invoice.get("next_payment_attempt").isJsonNull()) {
                    long at = num(invoice, "next_payment_attempt");
                    next = next == null ? at : Math.min(next, at);
                }
            }
        }
        return next;
    }

    /** Does what is due at the clock's current time. */
    void runDue() {
        long now = server.clock();
        for (String account : server.accounts()) {
            Call call = Call.internal(account);
            for (JsonObject sub : store.list("subscription", account, s -> true).reversed()) {
                warnOfTrialEnd(sub, call);
                String status = str(sub, "status");
                if ((status.equals("trialing") || status.equals("active") || status.equals("past_due"))
                        && num(item(sub), "current_period_end") <= now) {
                    renew(sub, call);
                }
            }
            for (JsonObject invoice : store.list("invoice", account, i -> "open".equals(str(i, "status")))
                    .reversed()) {
                JsonElement next = invoice.get("next_payment_attempt");
                if (next != null && !next.isJsonNull() && next.getAsLong() <= now) {
                    pay(invoice, call);
                }
            }
        }
    }

    /** Stripe's customer.subscription.trial_will_end, three days before a trial ends (at once for shorter ones). */
    private void warnOfTrialEnd(JsonObject sub, Call call) {
        if ("trialing".equals(str(sub, "status")) && !sub.has("_trial_will_end_sent")
                && num(sub, "trial_end") - TRIAL_WARNING <= server.clock()) {
            sub.addProperty("_trial_will_end_sent", true);
            server.emit("customer.subscription.trial_will_end", call.account(), sub, null, call);
        }
    }

    private void renew(JsonObject sub, Call call) {
        if (sub.get("cancel_at_period_end").getAsBoolean()) {
            end(sub, "cancellation_requested", call);
            return;
        }
        JsonObject before = sub.deepCopy();
        JsonObject item = item(sub).deepCopy();
        long previousStart = num(item, "current_period_start");
        long boundary = num(item, "current_period_end");
        int period = sub.get("_period").getAsInt() + 1;
        sub.addProperty("_period", period);
        long end = periodEnd(num(sub, "_anchor"), period, item.getAsJsonObject("price"));
        item.addProperty("current_period_start", boundary);
        item.addProperty("current_period_end", end);
        setItem(sub, item);
        JsonObject invoice = newInvoice(sub, "subscription_cycle", previousStart, boundary);
        addPendingItems(invoice, sub);
        addSubscriptionLine(invoice, sub, boundary, end);
        sub.addProperty("latest_invoice", str(invoice, "id"));
        boolean paid = finalise(invoice, true, call);
        sub.addProperty("status", paid ? "active" : "past_due");
        server.emit("customer.subscription.updated", call.account(), sub, ObjectStore.previous(before, sub), call);
    }

    private static long periodEnd(long anchor, int period, JsonObject price) {
        JsonObject recurring = price.getAsJsonObject("recurring");
        long count = num(recurring, "interval_count") * (period + 1);
        ZonedDateTime start = Instant.ofEpochSecond(anchor).atZone(ZoneOffset.UTC);
        ZonedDateTime end = switch (str(recurring, "interval")) {
            case "day" -> start.plusDays(count);
            case "week" -> start.plusWeeks(count);
            case "year" -> start.plusYears(count);
            default -> start.plusMonths(count);
        };
        return end.toEpochSecond();
    }

    // ---- invoices

    private JsonObject newInvoice(JsonObject sub, String reason, long periodStart, long periodEnd) {
        String account = store.accountOf(str(sub, "id"));
        JsonObject customer = store.require(str(sub, "customer"), account, "customer", "customer");
        JsonObject invoice = store.create(account, "in", "invoice", server.clock());
        fillInvoice(invoice, sub, customer, reason, periodStart, periodEnd);
        return invoice;
    }

    private void fillInvoice(JsonObject invoice, JsonObject sub, JsonObject customer, String reason, long periodStart,
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

    private void addSubscriptionLine(JsonObject invoice, JsonObject sub, long start, long end) {
        JsonObject item = item(sub);
        addSubscriptionLine(invoice, sub, item.getAsJsonObject("price"), quantity(item), start, end);
    }

    private void addSubscriptionLine(JsonObject invoice, JsonObject sub, JsonObject price, long quantity, long start,
            long end) {
        String description = quantity + " × " + productName(price) + " (at " + money(num(price, "unit_amount"),
                str(price, "currency")) + " / " + price.getAsJsonObject("recurring").get("interval").getAsString()
                + ")";
        JsonObject line = line(invoice, num(price, "unit_amount") * quantity, description, quantity, start, end, false,
                null, sub, item(sub));
        line.add("pricing", pricing(price));
        addLine(invoice, line);
    }

    /** The subscription's invoice items not yet on an invoice, oldest first. */
    private List<JsonObject> pendingItems(JsonObject sub) {
        String account = store.accountOf(str(sub, "id"));
        return store.list("invoiceitem", account, ii -> str(ii, "invoice") == null
                && str(sub, "id").equals(str(obj(ii, "parent").getAsJsonObject("subscription_details"),
                        "subscription"))).reversed();
    }

    /** Puts the pending items on a stored invoice. */
    private void addPendingItems(JsonObject invoice, JsonObject sub) {
        for (JsonObject ii : pendingItems(sub)) {
            addItemLine(invoice, sub, ii);
            ii.addProperty("invoice", str(invoice, "id"));
        }
    }

    private void addItemLine(JsonObject invoice, JsonObject sub, JsonObject ii) {
        JsonObject period = ii.getAsJsonObject("period");
        JsonObject line = line(invoice, num(ii, "amount"), str(ii, "description"), num(ii, "quantity"),
                num(period, "start"), num(period, "end"), ii.get("proration").getAsBoolean(), str(ii, "id"), sub,
                item(sub));
        line.add("pricing", ii.get("pricing").deepCopy());
        addLine(invoice, line);
    }

    private JsonObject line(JsonObject invoice, long amount, String description, long quantity, long start, long end,
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

    private static JsonObject pricing(JsonObject price) {
        JsonObject pricing = new JsonObject();
        pricing.addProperty("type", "price_details");
        JsonObject details = new JsonObject();
        details.addProperty("price", str(price, "id"));
        details.addProperty("product", str(price, "product"));
        pricing.add("price_details", details);
        pricing.addProperty("unit_amount_decimal", str(price, "unit_amount_decimal"));
        return pricing;
    }

    private static void addLine(JsonObject invoice, JsonObject line) {
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
    private boolean finalise(JsonObject invoice, boolean attempt, Call call) {
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

    private void markPaid(JsonObject invoice, Call call) {
        String account = store.accountOf(str(invoice, "id"));
        invoice.addProperty("status", "paid");
        invoice.addProperty("amount_paid", num(invoice, "amount_due"));
        invoice.addProperty("amount_remaining", 0);
        putNull(invoice, "next_payment_attempt");
        invoice.getAsJsonObject("status_transitions").addProperty("paid_at", server.clock());
        server.emit("invoice.paid", account, invoice, null, call);
        server.emit("invoice.payment_succeeded", account, invoice, null, call);
    }

    private JsonObject preview(Call call) {
        FormParams p = call.params();
        String account = call.account();
        String subId = p.string("subscription");
        JsonObject sub;
        if (subId != null) {
            sub = store.require(subId, account, "subscription", "subscription");
        } else if (p.string("customer") != null) {
            List<JsonObject> subs = store.list("subscription", account,
                    s -> p.string("customer").equals(str(s, "customer")) && !"canceled".equals(str(s, "status")));
            if (subs.isEmpty()) {
                throw new ApiError(404, "invalid_request_error", "invoice_upcoming_none",
                        "No upcoming invoices for customer: " + p.string("customer"), null);
            }
            sub = subs.getFirst();
        } else {
            throw ApiError.missingParam("customer");
        }
        if ("canceled".equals(str(sub, "status")) || sub.get("cancel_at_period_end").getAsBoolean()) {
            throw new ApiError(404, "invalid_request_error", "invoice_upcoming_none",
                    "No upcoming invoices for customer: " + str(sub, "customer"), null);
        }
        JsonObject customer = store.require(str(sub, "customer"), account, "customer", "customer");
        JsonObject invoice = new JsonObject();
        invoice.addProperty("id", "upcoming_" + ObjectStore.newId("in"));
        invoice.addProperty("object", "invoice");
        invoice.addProperty("created", server.clock());
        invoice.addProperty("livemode", false);
        JsonObject item = item(sub);
        long start = num(item, "current_period_end");
        int period = sub.get("_period").getAsInt() + 1;
        long end = periodEnd(num(sub, "_anchor"), period, item.getAsJsonObject("price"));
        fillInvoice(invoice, sub, customer, "subscription_cycle", num(item, "current_period_start"), start);
        for (JsonObject ii : pendingItems(sub)) {
            addItemLine(invoice, sub, ii);
        }
        // subscription_details[items][0][...]: the next invoice as it would be after that change
        Change change = change(sub, p, "subscription_details.", account);
        if (change != null) {
            for (JsonObject ii : prorations(sub, change)) {
                addItemLine(invoice, sub, ii);
            }
            addSubscriptionLine(invoice, sub, change.newPrice, change.newQuantity, start, end);
        } else {
            addSubscriptionLine(invoice, sub, start, end);
        }
        invoice.addProperty("next_payment_attempt", start);
        return invoice;
    }

    // ---- helpers

    static String subscriptionOf(JsonObject invoice) {
        JsonObject parent = obj(invoice, "parent");
        JsonObject details = parent == null ? null : obj(parent, "subscription_details");
        return details == null ? null : str(details, "subscription");
    }

    private static JsonObject item(JsonObject sub) {
        return sub.getAsJsonObject("items").getAsJsonArray("data").get(0).getAsJsonObject();
    }

    private static void setItem(JsonObject sub, JsonObject item) {
        JsonObject items = sub.getAsJsonObject("items").deepCopy();
        JsonArray data = new JsonArray();
        data.add(item);
        items.add("data", data);
        sub.add("items", items);
    }

    private static long quantity(JsonObject item) {
        return num(item, "quantity");
    }

    private String productName(JsonObject priceOrItem) {
        JsonObject price = priceOrItem.has("price") ? priceOrItem.getAsJsonObject("price") : priceOrItem;
        ObjectStore.Stored product = store.find(str(price, "product"));
        return product == null ? str(price, "product") : str(product.json(), "name");
    }

    static String money(long minor, String currency) {
        return currency.toUpperCase(Locale.ROOT) + " " + BigDecimal.valueOf(minor, 2).toPlainString();
    }

    List<JsonObject> all(String type) {
        List<JsonObject> out = new ArrayList<>();
        for (String account : server.accounts()) {
            out.addAll(store.list(type, account, x -> true));
        }
        return out;
    }
}
