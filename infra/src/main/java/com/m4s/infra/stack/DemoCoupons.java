package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * E-coupons in every demo store (decision 0044), made through the API as a manager would: 满300减50 and 工时8折 (cap
 * 200 元) and 双倍积分 stackable in group 常规, 100元代金券 used alone, 免费机油更换 (the demo orders' oil, part
 * OIL-5W30-1L) and 新客立减20 claimable in the owner app's centre with their stock. The store's first member (the demo
 * owner 13800138001 in gz_tianhe) is issued 满300减50, 工时8折 and 100元代金券, valid 90 days from today; the next
 * twenty members 满300减50. The checkout that uses coupons is a later slice, so a few of those twenty are written as it
 * and the expiry job would leave them (used on an order some days ago, or past their last day), for the statistics to
 * show something; this history is written in SQL as the demo's volume is, without events. A store that has the
 * templates already is left as it is.
 */
final class DemoCoupons {

    private final Api api;
    private final Stack stack;

    DemoCoupons(Api api, Stack stack) {
        this.api = api;
        this.stack = stack;
    }

    /** Makes the store's coupons when it has none of them; how many templates were made now. */
    int ensure(String store, List<DemoRepairOrders.Customer> customers) {
        String base = "/api/stores/" + store + "/coupon-templates";
        Api.Response existing = api.get(base + "?search=" + java.net.URLEncoder.encode("满300减50",
                java.nio.charset.StandardCharsets.UTF_8));
        check(existing, "coupon templates of " + store);
        if (existing.json().path("totalElements").asLong() > 0 || customers.isEmpty()) {
            return 0;
        }
        String threshold = make(base, template("满300减50", "THRESHOLD", "ORDER", "满300元（按标价）减50元，可与工时8折、双倍积分同时使用",
                Map.of("valueFen", 5_000, "thresholdFen", 30_000, "stackGroup", "常规", "validDays", 90,
                        "perMemberLimit", 2, "totalLimit", 500)));
        String labour = make(base, template("工时8折", "PERCENT", "LABOUR", "工时费8折，最高减200元",
                Map.of("percentOff", 20, "capFen", 20_000, "stackGroup", "常规", "validDays", 90, "totalLimit", 300)));
        String voucher = make(base, template("100元代金券", "CASH", "ORDER", "整单抵扣100元，不与其他优惠券同时使用",
                Map.of("valueFen", 10_000, "validDays", 90, "totalLimit", 100)));
        make(base, template("免费机油更换", "FREE_ITEM", "ITEMS", "原厂机油 5W-30 一次免费（最高抵600元）",
                Map.of("scopeCodes", List.of("OIL-5W30-1L"), "capFen", 60_000, "validDays", 60, "totalLimit", 50,
                        "claimable", true)));
        make(base, template("双倍积分", "POINTS_MULTIPLIER", "ORDER", "本单积分翻倍",
                Map.of("pointsMultiplier", 2, "stackGroup", "常规", "validDays", 30, "totalLimit", 200,
                        "claimable", true)));
        make(base, template("新客立减20", "CASH", "ORDER", "满100元可用",
                Map.of("valueFen", 2_000, "thresholdFen", 10_000, "validDays", 30, "totalLimit", 100,
                        "claimable", true)));
        String owner = customers.getFirst().memberId();
        for (String id : List.of(threshold, labour, voucher)) {
            issue(base, id, Map.of("memberId", owner), "demo-coupon-" + store + "-" + id + "-first");
        }
        int others = Math.min(20, customers.size() - 1);
        for (int i = 1; i <= others; i++) {
            issue(base, threshold, Map.of("memberId", customers.get(i).memberId()),
                    "demo-coupon-" + store + "-" + threshold + "-" + i);
        }
        history(store, threshold, owner);
        return 6;
    }

    /** Some of the others' 满300减50 used on orders over the last weeks, some past their last day. */
    private void history(String store, String template, String owner) {
        String schema = "store_" + store;
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword())) {
            c.setAutoCommit(false);
            try (PreparedStatement used = c.prepareStatement("with picked as (select id, row_number() over (order by"
                    + " id) n from " + schema + ".member_coupon where template_id = ?::uuid and member_id <> ?::uuid"
                    + " and state = 'AVAILABLE') update " + schema + ".member_coupon m set state = 'USED',"
                    + " created_at = now() - ((p.n * 2 + 3) || ' days')::interval,"
                    + " valid_from = current_date - (p.n * 2 + 3)::int,"
                    + " used_at = now() - ((p.n * 2) || ' days')::interval, used_by = 'demo',"
                    + " payment_id = gen_random_uuid(), discount_fen = 5000, order_fen = 30000 + (p.n * 7919) % 60000"
                    + " from picked p where p.id = m.id and p.n <= 8");
                 PreparedStatement expired = c.prepareStatement("with picked as (select id, row_number() over (order"
                    + " by id) n from " + schema + ".member_coupon where template_id = ?::uuid and member_id <> ?::uuid"
                    + " and state = 'AVAILABLE') update " + schema + ".member_coupon m set state = 'EXPIRED',"
                    + " created_at = now() - interval '100 days', valid_from = current_date - 100,"
                    + " valid_until = current_date - 11, expired_at = now() - interval '10 days'"
                    + " from picked p where p.id = m.id and p.n <= 3")) {
                used.setString(1, template);
                used.setString(2, owner);
                used.executeUpdate();
                expired.setString(1, template);
                expired.setString(2, owner);
                expired.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("demo data: coupon history of " + store, e);
        }
    }

    private static Map<String, Object> template(String name, String kind, String scope, String description,
            Map<String, Object> rules) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("description", description);
        t.put("kind", kind);
        t.put("scope", scope);
        t.putAll(rules);
        return t;
    }

    /** Creates and activates the template; its id. */
    private String make(String base, Map<String, Object> template) {
        Api.Response created = api.post(base, template);
        if (created.status() != 201) {
            throw new IllegalStateException("demo coupon " + template.get("name") + ": " + created.raw());
        }
        String id = created.json().path("id").asString();
        check(api.post(base + "/" + id + "/activation", Map.of(), Map.of("If-Match", "\"0\"")),
                "activation of " + template.get("name"));
        return id;
    }

    private JsonNode issue(String base, String template, Map<String, Object> target, String key) {
        Api.Response r = api.post(base + "/" + template + "/issues", target, Map.of("Idempotency-Key", key));
        check(r, "demo coupon issue " + template);
        return r.json();
    }

    private static void check(Api.Response r, String what) {
        if (r.status() != 200) {
            throw new IllegalStateException(what + ": " + r.status() + " " + r.raw());
        }
    }
}
