package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Payments in every demo store (decision 0045), through the API as the desk takes them: the demo owner's oldest
 * settled order paid with the wallet and a bank card and partly refunded (its newest settled order is left for the
 * owner to pay in the app), and the latest settled order of the next members paid in cash, by card or by QR code, one
 * of them waiting for the owner's confirmation — so the day's reconciliation has rows, totals and a pending payment.
 * Each payment carries an Idempotency-Key of its own and an order already paid is left as it is, so a second run posts
 * nothing.
 */
final class DemoPayments {

    private static final List<String> METHODS = List.of("CASH", "WECHAT_QR", "CARD", "ALIPAY_QR");
    private static final int MEMBERS = 8;

    private final Api api;

    DemoPayments(Api api) {
        this.api = api;
    }

    /** Pays the demo orders of the store at its desk ({@code desk}: who takes them); how many payments were made. */
    int ensure(String store, List<DemoRepairOrders.Customer> customers, Api desk) {
        String base = "/api/stores/" + store;
        int made = 0;
        for (int i = 0; i < Math.min(MEMBERS, customers.size()); i++) {
            DemoRepairOrders.Customer customer = customers.get(i);
            List<JsonNode> settled = settledOrders(base, customer);
            if (settled.isEmpty()) {
                continue;
            }
            // the owner's oldest (the newest waits for the app), the others' newest
            JsonNode order = i == 0 ? settled.getLast() : settled.getFirst();
            if (i == 0 && settled.size() < 2) {
                continue;
            }
            String orderId = order.path("id").asString();
            Api.Response sheet = api.get(base + "/members/" + customer.memberId() + "/checkout?repairOrderId="
                    + orderId);
            if (sheet.status() == 409) {
                continue; // paid already, or no longer payable
            }
            check(sheet, "checkout of " + orderId);
            long due = sheet.json().path("grossFen").asLong(); // no coupons at the desk here
            long wallet = i == 0 ? Math.min(20_000, sheet.json().path("walletFen").asLong()) : 0;
            Map<String, Object> pay = new LinkedHashMap<>();
            pay.put("memberId", customer.memberId());
            pay.put("repairOrderId", orderId);
            pay.put("walletFen", wallet);
            pay.put("points", 0);
            pay.put("cashFen", due - wallet);
            if (due - wallet > 0) {
                pay.put("cashMethod", i == 0 ? "CARD" : METHODS.get(i % METHODS.size()));
            }
            pay.put("confirmedInPerson", i != 2);
            pay.put("note", i == 0 ? "会员卡支付 + 刷卡" : "前台收款");
            Api.Response paid = desk.post(base + "/payments", pay, Map.of("Idempotency-Key", "demo-pay-" + store
                    + "-" + i));
            if (paid.status() == 409) {
                continue;
            }
            check(paid, "payment of " + orderId);
            made++;
            if (i == 0) {
                String id = paid.json().path("payment").path("id").asString();
                check(api.post(base + "/payments/" + id + "/refunds", Map.of("amountFen", 3_000, "reason",
                        "工时费多收 30 元，按比例退回"), Map.of("Idempotency-Key", "demo-refund-" + store)),
                        "refund of " + id);
            }
        }
        return made;
    }

    /** The member's settled orders found by their plate, newest first. */
    private List<JsonNode> settledOrders(String base, DemoRepairOrders.Customer customer) {
        if (customer.plate() == null) {
            return List.of();
        }
        Api.Response orders = api.get(base + "/repair-orders?size=50&q=" + customer.plate());
        check(orders, "repair orders of " + customer.plate());
        return orders.json().path("content").valueStream()
                .filter(o -> o.path("memberId").asString().equals(customer.memberId()))
                .filter(o -> o.path("status").asString().equals("SETTLED"))
                .sorted((a, b) -> b.path("settledAt").asString().compareTo(a.path("settledAt").asString()))
                .toList();
    }

    private static void check(Api.Response r, String what) {
        if (r.status() != 200) {
            throw new IllegalStateException("demo " + what + ": " + r.status() + " " + r.raw());
        }
    }
}
