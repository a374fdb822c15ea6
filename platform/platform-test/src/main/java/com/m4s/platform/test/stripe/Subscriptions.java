package com.m4s.platform.test.stripe;

import static com.m4s.platform.test.stripe.ObjectStore.metadata;
import static com.m4s.platform.test.stripe.ObjectStore.num;
import static com.m4s.platform.test.stripe.ObjectStore.putNull;
import static com.m4s.platform.test.stripe.ObjectStore.str;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Subscriptions of one item: trials, quantity and price changes with Stripe's prorations, cancellation, previews of
 * the next invoice, and what the clock does to them (periods roll, invoices are made and collected, retried).
 * Callers hold the server's lock.
 */
final class Subscriptions {

    private static final long TRIAL_WARNING = 3 * 86_400;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final StripeTestServer server;
    private final ObjectStore store;
    private final Invoices invoices;

    Subscriptions(StripeTestServer server, ObjectStore store, Invoices invoices) {
        this.server = server;
        this.store = store;
        this.invoices = invoices;
    }

    JsonObject route(Call call) {
        FormParams p = call.params();
        String account = call.account();
        switch (call.segment(0)) {
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
            case "invoices" -> {
                if (call.is("POST", 2) && "create_preview".equals(call.segment(1))) {
                    return preview(call);
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

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
        JsonObject invoice = invoices.newInvoice(sub, "subscription_create", now, now);
        if (trialEnd == null) {
            invoices.addSubscriptionLine(invoice, sub, now, num(item, "current_period_end"));
        } else {
            JsonObject line = invoices.line(invoice, 0, "Trial period for " + invoices.productName(item), quantity(item), now, trialEnd,
                    false, null, sub, item);
            Invoices.addLine(invoice, line);
        }
        sub.addProperty("latest_invoice", str(invoice, "id"));
        boolean attempt = !"default_incomplete".equals(p.string("payment_behavior"));
        server.emit("customer.subscription.created", account, sub, null, call);
        warnOfTrialEnd(sub, call);
        JsonObject before = sub.deepCopy();
        boolean paid = invoices.finalise(invoice, attempt, call);
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
                JsonObject invoice = invoices.newInvoice(sub, "subscription_update", server.clock(), server.clock());
                invoices.addPendingItems(invoice, sub);
                sub.addProperty("latest_invoice", str(invoice, "id"));
                invoices.finalise(invoice, true, call);
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
                        + change.oldQuantity + " × " + invoices.productName(change.oldPrice) + " after " + after,
                        change.at, start, end),
                prorationItem(sub, item, change.newPrice, change.newQuantity, 1, "Remaining time on "
                        + change.newQuantity + " × " + invoices.productName(change.newPrice) + " after " + after,
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
        ii.add("pricing", Invoices.pricing(price));
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
                    invoices.pay(invoice, call);
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
        JsonObject invoice = invoices.newInvoice(sub, "subscription_cycle", previousStart, boundary);
        invoices.addPendingItems(invoice, sub);
        invoices.addSubscriptionLine(invoice, sub, boundary, end);
        sub.addProperty("latest_invoice", str(invoice, "id"));
        boolean paid = invoices.finalise(invoice, true, call);
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
        invoices.fillInvoice(invoice, sub, customer, "subscription_cycle", num(item, "current_period_start"), start);
        for (JsonObject ii : invoices.pendingItems(sub)) {
            invoices.addItemLine(invoice, sub, ii);
        }
        // subscription_details[items][0][...]: the next invoice as it would be after that change
        Change change = change(sub, p, "subscription_details.", account);
        if (change != null) {
            for (JsonObject ii : prorations(sub, change)) {
                invoices.addItemLine(invoice, sub, ii);
            }
            invoices.addSubscriptionLine(invoice, sub, change.newPrice, change.newQuantity, start, end);
        } else {
            invoices.addSubscriptionLine(invoice, sub, start, end);
        }
        invoice.addProperty("next_payment_attempt", start);
        return invoice;
    }

    static JsonObject item(JsonObject sub) {
        return sub.getAsJsonObject("items").getAsJsonArray("data").get(0).getAsJsonObject();
    }

    static void setItem(JsonObject sub, JsonObject item) {
        JsonObject items = sub.getAsJsonObject("items").deepCopy();
        JsonArray data = new JsonArray();
        data.add(item);
        items.add("data", data);
        sub.add("items", items);
    }

    static long quantity(JsonObject item) {
        return num(item, "quantity");
    }
}
