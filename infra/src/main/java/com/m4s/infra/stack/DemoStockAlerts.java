package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * Something for 库存预警 (decision 0053) in every demo store, after its catalogue and gifts are made: the mall already
 * has two products at their low-stock mark (the phone holder and the 1:18 model, {@link DemoMall}); a count of the
 * 1:43 model gifts finds one broken, taking it to its mark; two products — the brand cap and the cabin filter — were
 * listed months ago and never sold (their listing is dated back in SQL, as the demo's volume is written, because the
 * API only writes "now"); and the store's manager shortens the slow-moving rule from 90 to 60 days, which has the
 * store's job look at the store again at once and raise the alerts. A store whose rule is no longer the first one is
 * left as it is.
 */
final class DemoStockAlerts {

    static final int DAYS = 60;

    private final Api api;
    private final Stack stack;

    DemoStockAlerts(Api api, Stack stack) {
        this.api = api;
        this.stack = stack;
    }

    /** Sets the scene when the store still has the first rule; whether it did now. */
    boolean ensure(String store) {
        String base = "/api/stores/" + store;
        Api.Response rule = api.get(base + "/stock-alert-settings");
        check(rule, "stock alert settings of " + store);
        if (rule.json().path("version").asLong() != 0) {
            return false;
        }
        Api.Response gifts = api.get(base + "/gifts?search=" + URLEncoder.encode("原厂1:43车模", StandardCharsets.UTF_8));
        check(gifts, "gifts of " + store);
        String model = gifts.json().path("content").path(0).path("id").asString();
        if (!model.isEmpty()) {
            check(api.post(base + "/gifts/" + model + "/stock-adjustments", Map.of("delta", -1, "reason",
                    "盘点发现一个包装破损"), Map.of("Idempotency-Key", "demo-stock-alert-" + store + "-gift")),
                    "gift stock count");
        }
        listedLongAgo(store, "品牌棒球帽", 120);
        listedLongAgo(store, "原厂空调滤芯（活性炭）", 150);
        check(api.put(base + "/stock-alert-settings", Map.of("slowMovingEnabled", true, "slowMovingDays", DAYS),
                Map.of("If-Match", "\"" + rule.json().path("version").asLong() + "\"")), "slow-moving rule");
        return true;
    }

    /** The products whose name ends with {@code name} were listed (and made) {@code days} days ago. */
    private void listedLongAgo(String store, String name, int days) {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
                PreparedStatement back = c.prepareStatement("update store_" + store + ".product set listed_at = now()"
                        + " - (? || ' days')::interval, created_at = now() - (? || ' days')::interval"
                        + " where name like ? and status = 'LISTED'")) {
            back.setInt(1, days);
            back.setInt(2, days + 3);
            back.setString(3, "%" + name);
            back.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("demo data: listing of " + name + " in " + store, e);
        }
    }

    private static void check(Api.Response r, String what) {
        if (r.status() != 200 && r.status() != 201) {
            throw new IllegalStateException("demo data: " + what + ": " + r.status() + " " + r.raw());
        }
    }
}
