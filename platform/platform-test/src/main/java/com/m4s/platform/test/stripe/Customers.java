package com.m4s.platform.test.stripe;

import static com.m4s.platform.test.stripe.ObjectStore.metadata;
import static com.m4s.platform.test.stripe.ObjectStore.putNull;
import static com.m4s.platform.test.stripe.ObjectStore.str;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Customers and their payment methods, Products, Prices and billing portal sessions. Callers hold the lock. */
final class Customers {

    private final StripeTestServer server;
    private final ObjectStore store;
    private final Payments payments;

    Customers(StripeTestServer server, ObjectStore store, Payments payments) {
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
}
