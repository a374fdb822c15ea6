package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored-value wallets in every demo store (decision 0043), through the API as the desk uses it: the store's bonus
 * tiers (充500送50, 充1000送120, 充2000送300), then top-ups (two with a bonus), payments of desk charges and a refund
 * of part of one (the repair orders are paid through the checkout: DemoPayments), for the store's first three members (the demo owner
 * 13800138001 first in gz_tianhe). Every post carries an Idempotency-Key of its own, and a member whose wallet has
 * entries already is left as it is, so a second run posts nothing.
 */
final class DemoWallets {

    private final Api api;

    DemoWallets(Api api) {
        this.api = api;
    }

    /** Makes the store's tiers (when never set) and the demo wallets; how many wallets were filled now. */
    int ensure(String store, List<DemoRepairOrders.Customer> customers) {
        String base = "/api/stores/" + store;
        Api.Response settings = api.get(base + "/wallet/settings");
        check(settings, "wallet settings of " + store);
        if (settings.json().path("version").asLong() == 0 && settings.json().path("bonusTiers").isEmpty()) {
            check(api.put(base + "/wallet/settings", Map.of("bonusTiers", List.of(tier(50_000, 5_000),
                    tier(100_000, 12_000), tier(200_000, 30_000)), "cashOutApprovalAbove", 50_000)),
                    "wallet tiers of " + store);
        }
        int filled = 0;
        for (int i = 0; i < Math.min(3, customers.size()); i++) {
            DemoRepairOrders.Customer customer = customers.get(i);
            String wallet = base + "/members/" + customer.memberId() + "/wallet";
            Api.Response history = api.get(wallet + "/entries?size=1");
            check(history, "wallet of " + customer.memberId());
            if (history.json().path("totalElements").asLong() > 0) {
                continue;
            }
            String key = "demo-wallet-" + store + "-" + i + "-";
            switch (i) {
                case 0 -> {
                    post(wallet + "/top-ups", Map.of("amount", 100_000, "method", "WECHAT_QR", "note", "充1000送120"),
                            key + "top-up");
                    // the owner's repair orders are paid through the checkout (DemoPayments), one of them from here
                    String charge = post(wallet + "/spends", Map.of("amount", 12_800, "description", "更换雨刮片"),
                            key + "wipers").path("entryId").asString();
                    post(wallet + "/entries/" + charge + "/refunds", Map.of("amount", 2_800, "reason",
                            "雨刮片按会员价重算，退回差价"), key + "refund");
                    post(wallet + "/spends", Map.of("amount", 6_000, "description", "精致洗车"), key + "wash");
                }
                case 1 -> {
                    post(wallet + "/top-ups", Map.of("amount", 50_000, "method", "CASH"), key + "top-up");
                    post(wallet + "/spends", Map.of("amount", 52_000, "description", "更换前刹车片"), key + "brakes");
                }
                default -> post(wallet + "/top-ups", Map.of("amount", 30_000, "method", "ALIPAY_QR"), key + "top-up");
            }
            filled++;
        }
        return filled;
    }

    private tools.jackson.databind.JsonNode post(String path, Map<String, Object> body, String key) {
        Api.Response r = api.post(path, body, Map.of("Idempotency-Key", key));
        check(r, "demo wallet " + path);
        return r.json();
    }

    private static Map<String, Object> tier(long min, long bonus) {
        Map<String, Object> tier = new LinkedHashMap<>();
        tier.put("minTopUp", min);
        tier.put("bonus", bonus);
        return tier;
    }

    private static void check(Api.Response r, String what) {
        if (r.status() != 200) {
            throw new IllegalStateException(what + ": " + r.status() + " " + r.raw());
        }
    }
}
