package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parts ordered for customers in every demo store (配件预订, decision 0052), recorded and moved through the API as the
 * store's staff would: brake pads of the store's brand on order for the first member's car (the demo owner in
 * gz_tianhe, who sees it in the app), wiper blades arrived for the second member (their text and the advisor's
 * message go out as for a real arrival), an air filter handed over, a battery on order with no car named, and wheel
 * caps cancelled because the supplier stopped making them. A store with part orders already is left as it is.
 */
final class DemoPartOrders {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Api api;

    DemoPartOrders(Api api) {
        this.api = api;
    }

    /** Records the store's part orders when it has none; how many were recorded now. */
    int ensure(String store, String brand, List<DemoRepairOrders.Customer> customers) {
        String base = "/api/stores/" + store;
        Api.Response existing = api.get(base + "/part-orders?size=1");
        check(existing, "part orders of " + store);
        if (existing.json().path("totalElements").asLong() > 0 || customers.size() < 3) {
            return 0;
        }
        LocalDate today = LocalDate.now(ZONE);
        String first = customers.get(0).memberId();
        String second = customers.get(1).memberId();
        String third = customers.get(2).memberId();
        record(base, store, 1, first, true, brand + "原厂刹车片（前轮）", "34116860016", 1, "华南原厂配件中心",
                today.plusDays(5), 128_000L, 50_000L, "原厂缺货，客户同意等待");
        String wipers = record(base, store, 2, second, true, brand + "原厂无骨雨刮片（一对）", "61610049418", 1,
                "华南原厂配件中心", today.plusDays(1), 35_800L, null, null);
        check(api.post(base + "/part-orders/" + wipers + "/arrival", Map.of()), "demo part arrived");
        String filter = record(base, store, 3, third, true, "原厂空气滤芯", "13717532754", 1, "本地配件商",
                today.minusDays(3), 26_800L, null, "保养时更换");
        check(api.post(base + "/part-orders/" + filter + "/arrival", Map.of()), "demo part arrived");
        check(api.post(base + "/part-orders/" + filter + "/hand-over", Map.of()), "demo part handed over");
        record(base, store, 4, second, false, "原厂蓄电池 70Ah", "61217604806", 1, null, null, 98_000L, 20_000L,
                "客户要求到货后电话预约更换");
        String caps = record(base, store, 5, third, true, "轮毂中心盖（4 只）", "36136783536", 4, "本地配件商",
                today.plusDays(10), 32_000L, null, null);
        check(api.post(base + "/part-orders/" + caps + "/cancellation", Map.of("reason", "供应商停产，客户改订通用款")),
                "demo part cancelled");
        return 5;
    }

    private String record(String base, String store, int n, String member, boolean forCar, String part,
            String partNumber, int quantity, String supplier, LocalDate expectedOn, Long priceFen, Long depositFen,
            String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", member);
        if (forCar) {
            var vehicle = api.get(base + "/members/" + member).json().path("vehicles").path(0).path("id");
            if (vehicle.isString()) {
                body.put("vehicleId", vehicle.asString());
            }
        }
        body.put("partName", part);
        body.put("partNumber", partNumber);
        body.put("quantity", quantity);
        body.put("supplier", supplier);
        body.put("expectedOn", expectedOn == null ? null : expectedOn.toString());
        body.put("priceFen", priceFen);
        body.put("depositFen", depositFen);
        body.put("note", note);
        body.put("notifyOwner", n != 4);
        Api.Response r = api.post(base + "/part-orders", body, Map.of("Idempotency-Key", "demo-parts-" + store + "-" + n));
        check(r, "demo part order " + part);
        return r.json().path("id").asString();
    }

    private static void check(Api.Response r, String what) {
        if (r.status() / 100 != 2) {
            throw new IllegalStateException(what + ": " + r.status() + " " + r.raw());
        }
    }
}
