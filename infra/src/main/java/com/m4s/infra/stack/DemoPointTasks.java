package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Automatic point tasks for each demo store (decision 0033), through the API as a manager would publish them: the
 * daily check-in of the owner app, a monthly reward for a settled repair order, a reward for a car sold through the
 * store, a reward for the owner app's sign-up and one for referring a new member (paid at their first order), and a
 * draft. Published before the demo's repair orders, so their settlements are rewarded and the task list
 * shows members and points. A store that has tasks already is left as it is.
 */
final class DemoPointTasks {

    private static final ZoneId STORE_ZONE = ZoneId.of("Asia/Shanghai");

    private final Api api;

    DemoPointTasks(Api api) {
        this.api = api;
    }

    /** Creates the store's demo tasks when it has none; returns how many were created now. */
    int ensure(String store) {
        String base = "/api/stores/" + store + "/point-tasks";
        Api.Response existing = api.get(base + "?size=1");
        if (existing.status() != 200) {
            throw new IllegalStateException("demo point tasks of " + store + ": " + existing.raw());
        }
        if (existing.json().path("totalElements").asLong() > 0) {
            return 0;
        }
        LocalDate today = LocalDate.now(STORE_ZONE);
        List<Map<String, Object>> tasks = List.of(
                task("每日签到", "车主 App 每天签到一次得 5 积分。", "DAILY_CHECK_IN", "FIXED", 5L, null, "DAILY", today),
                task("每月到店保养奖励", "每月第一张结算的维修保养单额外奖励 50 积分。", "REPAIR_ORDER_SETTLED", "FIXED",
                        50L, null, "MONTHLY", today),
                task("二手车寄售成交奖励", "经本店寄售的二手车成交，卖车车主获得 500 积分。", "USED_CAR_SOLD", "FIXED", 500L,
                        null, "UNLIMITED", today),
                task("注册车主 App 礼", "车主首次在车主 App 完成注册，获得 200 积分。", "OWNER_SIGNED_UP", "FIXED", 200L,
                        null, "ONCE", today),
                task("推荐有礼", "推荐新会员入会，新会员首张维修单结算后，推荐人获得 300 积分（每位新会员一次）。",
                        "REFERRAL_FIRST_ORDER", "FIXED", 300L, null, "ONCE", today));
        int created = 0;
        for (Map<String, Object> task : tasks) {
            String id = create(base, task);
            Api.Response published = api.post(base + "/" + id + "/publish", "");
            if (published.status() != 200) {
                throw new IllegalStateException("demo point task " + task.get("name") + ": " + published.raw());
            }
            created++;
        }
        create(base, task("新车主首单加倍", "新车主第一张维修单按客户帐实付每元再奖励 1 积分（草稿，待店长确认）。",
                "REPAIR_ORDER_SETTLED", "RATIO", null, "1.0", "ONCE", today.plusDays(7)));
        create(base, task("商城购物返积分", "商城订单实付（钱包、在线支付）每 1 元奖励 1 积分，退款时按退款收回（草稿，下月上线）。",
                "MALL_ORDER_PAID", "RATIO", null, "1.0", "UNLIMITED", today.withDayOfMonth(1).plusMonths(1)));
        return created + 2;
    }

    private String create(String base, Map<String, Object> task) {
        Api.Response created = api.post(base, task);
        if (created.status() != 201) {
            throw new IllegalStateException("demo point task " + task.get("name") + ": " + created.raw());
        }
        return created.json().path("id").asString();
    }

    private static Map<String, Object> task(String name, String description, String trigger, String reward,
            Long points, String ratio, String limit, LocalDate from) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("name", name);
        task.put("description", description);
        task.put("trigger", trigger);
        task.put("rewardKind", reward);
        task.put("points", points);
        task.put("pointsPerYuan", ratio);
        task.put("memberLimit", limit);
        task.put("validFrom", from.toString());
        task.put("validUntil", null);
        return task;
    }
}
