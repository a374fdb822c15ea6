package com.m4s.store.pointtask;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.events.ReceivedEvent;
import com.m4s.platform.security.Departments;
import com.m4s.platform.servers.Api;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.TestClock;
import com.m4s.platform.test.TestUsers;
import com.m4s.platform.time.StoreTime;
import com.m4s.platform.web.ApiException;
import com.m4s.store.repairorder.RepairOrderEvents;
import com.m4s.store.support.StoreConsoleTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Automatic point tasks (PTS-2) as a store runs them: a settled repair order rewards its member by every published
 * task of the trigger, each as often as its limit allows (the limit is the ledger's key, so a replayed event grants
 * nothing); an ended task and a task outside its validity grant nothing; an owner checks in once per store day (the
 * second time the same day is 409), and again the next day on the store's clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointTasksTest extends StoreConsoleTest {

    private static final String STORE = "ptask_a";
    private static final String BASE = "/api/stores/" + STORE;

    @Autowired
    TestClock clock;
    @Autowired
    TenantRegistry tenants;
    @Autowired
    PointTasks tasks;
    @Autowired
    PointTaskRewards rewards;
    @Autowired
    StoreTime storeTime;

    private int phones;
    private int orders;

    @BeforeAll
    void store() {
        provision(STORE);
    }

    @Test
    void aSettledOrderRewardsOncePerLimitAndAReplayedEventGrantsNothing() throws Exception {
        LocalDate today = inStore(() -> storeTime.today());
        String once = publish(task("首次保养奖励", "REPAIR_ORDER_SETTLED", "RATIO", null, "0.5", "ONCE", today, null));
        String every = publish(task("每单奖励", "REPAIR_ORDER_SETTLED", "FIXED", 100L, null, "UNLIMITED", today, null));
        String ended = publish(task("已结束的活动", "REPAIR_ORDER_SETTLED", "FIXED", 50L, null, "UNLIMITED", today,
                null));
        JsonNode end = manager().post(BASE + "/point-tasks/" + ended + "/end", "").json();
        assertThat(end.path("status").asString()).isEqualTo("ENDED");
        publish(task("明日开始的活动", "REPAIR_ORDER_SETTLED", "FIXED", 70L, null, "UNLIMITED", today.plusDays(1), null));
        String member = member("郑任务");

        String first = settle(member, "1000.80");
        Eventually.await(Duration.ofSeconds(30), "the first order rewarded", () -> taskEntries(member),
                entries -> entries.size() == 2);
        String second = settle(member, "400.00");
        Eventually.await(Duration.ofSeconds(30), "the second order rewarded", () -> taskEntries(member),
                entries -> entries.size() == 3);
        ReceivedEvent settled = settledEvent(first);
        rewards.handle(List.of(settled, settled));
        inStore(() -> tasks.onEvent(PointTaskTrigger.REPAIR_ORDER_SETTLED, settled.eventId(), settled.occurredAt(),
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(settled.payload())));

        UUID firstEvent = settled.eventId();
        UUID secondEvent = settledEvent(second).eventId();
        assertThat(taskEntries(member)).containsExactlyInAnyOrder(
                "GRANT 500 500 首次保养奖励 task:" + once + ":" + member,
                "GRANT 100 100 每单奖励 task:" + every + ":event:" + firstEvent,
                "GRANT 100 100 每单奖励 task:" + every + ":event:" + secondEvent);
        assertThat(strings("select event_type || ' ' || (payload->>'points') from console.event_outbox where topic = '"
                + PointTaskEvents.TOPIC + "' and payload->>'memberId' = ? order by id", member))
                .containsExactlyInAnyOrder("PointTaskRewarded 500", "PointTaskRewarded 100", "PointTaskRewarded 100");
        assertThat(manager().get(BASE + "/members/" + member + "/points").json().path("available").asLong())
                .as("the tasks' points are available at once; the orders' own are pending").isEqualTo(700);

        JsonNode list = manager().get(BASE + "/point-tasks?status=PUBLISHED&status=ENDED&sort=name,asc").json();
        Map<String, String> rows = new LinkedHashMap<>();
        list.path("content").forEach(t -> rows.put(t.path("name").asString(), t.path("status").asString() + " "
                + t.path("membersRewarded").asLong() + " " + t.path("pointsGranted").asLong()));
        assertThat(rows).containsEntry("首次保养奖励", "PUBLISHED 1 500").containsEntry("每单奖励", "PUBLISHED 1 200")
                .containsEntry("已结束的活动", "ENDED 0 0").containsEntry("明日开始的活动", "PUBLISHED 0 0");
    }

    @Test
    void aCarSoldThroughTheStoreRewardsItsSeller() {
        LocalDate today = inStore(() -> storeTime.today());
        String task = publish(task("寄售成交奖励", "USED_CAR_SOLD", "FIXED", 500L, null, "UNLIMITED", today, null));
        assertThat(manager().post(BASE + "/point-tasks", task("寄售按比例", "USED_CAR_SOLD", "RATIO", null, "0.1",
                "ONCE", today, null)).json().path("type").asString()).endsWith("point-task-ratio-not-allowed");
        String seller = member("卫卖车");
        Api.Response car = manager().post(BASE + "/used-cars", Map.of("memberId", seller, "car", Map.of("make", "大众",
                "model", "帕萨特", "year", 2019, "mileageKm", 60000, "city", "广州", "gearbox", "DUAL_CLUTCH",
                "emissionStandard", "CN6A", "priceWishYuan", 98000)));
        assertThat(car.status()).as(car.raw()).isEqualTo(201);
        String id = car.json().path("id").asString();
        assertThat(manager().post(BASE + "/used-cars/" + id + "/approve", Map.of("askingPriceYuan", 99000,
                "conditionReport", "车况良好")).status()).isEqualTo(200);
        assertThat(manager().post(BASE + "/used-cars/" + id + "/sell", Map.of("soldPriceYuan", 96000)).status())
                .isEqualTo(200);

        Eventually.await(Duration.ofSeconds(30), "the seller rewarded", () -> taskEntries(seller),
                entries -> !entries.isEmpty());
        String sold = strings("select event_id::text from console.event_outbox where event_type = 'UsedCarSold'"
                + " and payload->>'usedCarId' = ?", id).getFirst();
        assertThat(taskEntries(seller)).containsExactly("GRANT 500 500 寄售成交奖励 task:" + task + ":event:" + sold);
    }

    @Test
    void anOwnerChecksInOncePerStoreDayAndAgainTheNextDay() throws Exception {
        LocalDate today = inStore(() -> storeTime.today());
        Api.Response draft = manager().post(BASE + "/point-tasks", task("每日签到", "DAILY_CHECK_IN", "FIXED", 3L, null,
                "DAILY", today, null));
        assertThat(draft.status()).as(draft.raw()).isEqualTo(201);
        String checkIn = draft.json().path("id").asString();
        Api.Response edited = manager().put(BASE + "/point-tasks/" + checkIn, task("每日签到", "DAILY_CHECK_IN", "FIXED",
                5L, null, "DAILY", today, null), Map.of("If-Match", "\"" + draft.json().path("version").asLong() + "\""));
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        assertThat(edited.json().path("points").asLong()).isEqualTo(5);
        Api.Response stale = manager().post(BASE + "/point-tasks/" + checkIn + "/publish", "",
                Map.of("If-Match", "\"" + draft.json().path("version").asLong() + "\""));
        assertThat(stale.status()).as("published from the page that showed the draft before its edit").isEqualTo(409);
        assertThat(stale.json().path("type").asString()).endsWith("concurrent-update");
        Api.Response current = manager().post(BASE + "/point-tasks/" + checkIn + "/publish", "",
                Map.of("If-Match", "\"" + edited.json().path("version").asLong() + "\""));
        assertThat(current.status()).as(current.raw()).isEqualTo(200);
        assertThat(current.json().path("status").asString()).isEqualTo("PUBLISHED");
        JsonNode fixed = manager().put(BASE + "/point-tasks/" + checkIn, task("每日签到", "DAILY_CHECK_IN", "FIXED", 50L,
                null, "DAILY", today, null)).json();
        assertThat(fixed.path("status").asInt()).isEqualTo(409);
        assertThat(fixed.path("detail").asString()).isEqualTo("任务“每日签到”当前已发布，不能修改（请结束后发布新任务）。");
        publish(task("昨日签到活动", "DAILY_CHECK_IN", "FIXED", 20L, null, "DAILY", today.minusDays(2),
                today.minusDays(1)));
        String ended = publish(task("旧签到", "DAILY_CHECK_IN", "FIXED", 30L, null, "DAILY", today, null));
        long endedVersion = manager().get(BASE + "/point-tasks/" + ended).json().path("version").asLong();
        assertThat(manager().post(BASE + "/point-tasks/" + ended + "/end", "", Map.of("If-Match", "\"" + endedVersion
                + "\"")).status()).isEqualTo(200);
        assertThat(manager().post(BASE + "/point-tasks", task("无限签到", "DAILY_CHECK_IN", "FIXED", 1L, null,
                "UNLIMITED", today, null)).json().path("type").asString()).endsWith("point-task-unlimited-not-allowed");
        List<String> unavailable = new ArrayList<>();
        manager().get(BASE + "/point-task-triggers").json().forEach(t -> {
            if (!t.path("available").asBoolean()) {
                unavailable.add(t.path("trigger").asString());
            }
        });
        assertThat(unavailable).as("every trigger of the catalogue has its events or endpoint").isEmpty();
        assertThat(as(TestUsers.staff(GROUP, STORE, Departments.FINANCE)).post(BASE + "/point-tasks",
                task("财务", "DAILY_CHECK_IN", "FIXED", 1L, null, "DAILY", today, null)).status()).isEqualTo(403);

        String member = member("冯签到");
        String ownerLogin = TestUsers.owner("ptask-owner", STORE);
        bindOwner(member, ownerLogin);
        Api owner = as(ownerLogin);
        Api.Response first = owner.post(BASE + "/me/check-ins", "");
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.json().path("points").asLong()).isEqualTo(5);
        assertThat(first.json().path("available").asLong()).isEqualTo(5);
        Api.Response again = owner.post(BASE + "/me/check-ins", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asString()).endsWith("already-checked-in");
        assertThat(again.json().path("detail").asString()).isEqualTo("您今天已经签到过了，明天再来吧。");

        String subject = TestUsers.describe(ownerLogin).path("id").asString();
        try {
            Instant midnight = today.plusDays(1).atStartOfDay(inStore(() -> storeTime.zone())).toInstant();
            clock.set(midnight.minus(1, ChronoUnit.MINUTES));
            assertThat(refusal(() -> inStore(() -> tasks.checkIn(subject)))).isEqualTo("already-checked-in");
            clock.set(midnight.plus(1, ChronoUnit.MINUTES));
            PointTaskViews.CheckInResult next = inStore(() -> tasks.checkIn(subject));
            assertThat(next.points()).isEqualTo(5);
            assertThat(next.available()).isEqualTo(10);
        } finally {
            clock.reset();
        }
        assertThat(taskEntries(member)).containsExactlyInAnyOrder(
                "GRANT 5 5 每日签到 task:" + checkIn + ":" + member + ":" + today,
                "GRANT 5 5 每日签到 task:" + checkIn + ":" + member + ":" + today.plusDays(1));
    }

    // --- helpers

    private Api manager() {
        return as(TestUsers.manager(GROUP, STORE));
    }

    private static Map<String, Object> task(String name, String trigger, String rewardKind, Long points, String ratio,
            String limit, LocalDate from, LocalDate until) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("name", name);
        task.put("description", name + "：自动发放");
        task.put("trigger", trigger);
        task.put("rewardKind", rewardKind);
        task.put("points", points);
        task.put("pointsPerYuan", ratio);
        task.put("memberLimit", limit);
        task.put("validFrom", from.toString());
        task.put("validUntil", until == null ? null : until.toString());
        return task;
    }

    private String publish(Map<String, Object> task) {
        Api.Response created = manager().post(BASE + "/point-tasks", task);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.json().path("status").asString()).isEqualTo("DRAFT");
        return publish(created.json().path("id").asString());
    }

    private String publish(String id) {
        Api.Response published = manager().post(BASE + "/point-tasks/" + id + "/publish", "");
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        assertThat(published.json().path("status").asString()).isEqualTo("PUBLISHED");
        return id;
    }

    private String member(String name) {
        String phone = "1360000" + String.format("%04d", ++phones);
        Api.Response r = manager().post(BASE + "/members", Map.of("profile", Map.of("name", name, "phone", phone)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    private String settle(String member, String amount) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("dmsNumber", "RO-TASK-" + (++orders));
        order.put("memberId", member);
        order.put("plate", "粤B12345");
        order.put("openedAt", clock.instant().minus(2, ChronoUnit.HOURS).toString());
        order.put("status", "SETTLED");
        order.put("settledAt", clock.instant().minus(1, ChronoUnit.HOURS).toString());
        order.put("lines", List.of(Map.of("lineNo", 1, "kind", "LABOUR", "description", "保养", "quantity", "1",
                "amount", Map.of("amount", amount, "currency", "CNY"), "accountType", "CUSTOMER", "refunded",
                false), Map.of("lineNo", 2, "kind", "PART", "description", "机油", "quantity", "1",
                "amount", Map.of("amount", "300.00", "currency", "CNY"), "accountType", "WARRANTY", "refunded",
                false)));
        Api.Response r = manager().post(BASE + "/repair-orders/batch", Map.of("orders", List.of(order)));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json().path("orders").get(0).path("repairOrderId").asString();
    }

    private static String refusal(Supplier<?> work) {
        try {
            work.get();
            return "none";
        } catch (ApiException e) {
            return e.type();
        }
    }

    private <T> T inStore(Supplier<T> work) {
        return TenantContext.supplyAs(tenant(), work);
    }

    private Tenant tenant() {
        return tenants.find(STORE).orElseThrow().tenant();
    }

    /** The member's task grants: kind, available and earned change, the source's reference, the key. */
    private List<String> taskEntries(String member) {
        return strings("select kind || ' ' || available_delta || ' ' || earned_delta || ' ' || source_ref || ' '"
                + " || idempotency_key from store_" + STORE + ".points_entry where source_type = 'POINT_TASK'"
                + " and member_id = ?::uuid order by created_at, id", member);
    }

    private ReceivedEvent settledEvent(String orderId) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement q = c.prepareStatement("select event_id, id,"
                + " event_type, store_code, payload::text, occurred_at from console.event_outbox"
                + " where payload->>'repairOrderId' = ? and event_type = 'RepairOrderSettled' order by id")) {
            q.setString(1, orderId);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new ReceivedEvent(rs.getObject(1, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(6).toInstant(), rs.getLong(2), RepairOrderEvents.TOPIC, 0, 0,
                        rs.getString(5));
            }
        }
    }


    private void bindOwner(String member, String ownerLogin) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement u = c.prepareStatement("update store_" + STORE
                + ".member set owner_subject = ?, owner_username = ? where id = ?")) {
            u.setString(1, TestUsers.describe(ownerLogin).path("id").asString());
            u.setString(2, ownerLogin);
            u.setObject(3, UUID.fromString(member));
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
    }
}
