package com.m4s.store.pointtask;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.events.ReceivedEvent;
import com.m4s.platform.servers.Api;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.TestClock;
import com.m4s.platform.test.TestUsers;
import com.m4s.platform.time.StoreTime;
import com.m4s.store.member.MemberEvents;
import com.m4s.store.member.Members;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The member triggers and the take-back of task rewards, as a store runs them: a member who joins (by staff or made
 * for a DMS customer) and an owner who signs up are rewarded once, whatever replays; a member referred by another
 * rewards the referrer when their first repair order settles, once per referred member; a partly refunded order
 * takes back exactly what a ratio task gave beyond what is left, a reversal takes back everything (fixed rewards
 * too), spent points becoming debt; replayed refunds take nothing more. Each scenario runs in a store of its own, so
 * one scenario's tasks do not reward another's members.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointTaskTriggersTest extends StoreConsoleTest {

    private static final String JOINED = "ptrig_a";
    private static final String REFERRAL = "ptrig_b";
    private static final String REFUND = "ptrig_c";
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    @Autowired
    Members members;
    @Autowired
    TransactionTemplate tx;

    private int phones;
    private int orders;
    private final Map<String, Instant> settledAts = new HashMap<>();

    @BeforeAll
    void stores() {
        provision(JOINED);
        provision(REFERRAL);
        provision(REFUND);
    }

    @Test
    void aMemberWhoJoinsAndAnOwnerWhoSignsUpAreRewardedOnce() throws Exception {
        LocalDate today = inStore(JOINED, () -> storeTime.today());
        String joined = publish(JOINED, task("入会礼", "MEMBER_JOINED", "FIXED", 100L, null, "ONCE", today));
        String signedUp = publish(JOINED, task("注册车主 App 礼", "OWNER_SIGNED_UP", "FIXED", 200L, null, "ONCE", today));
        assertThat(manager(JOINED).post(base(JOINED) + "/point-tasks", task("入会按比例", "MEMBER_JOINED", "RATIO", null,
                "1", "ONCE", today)).json().path("type").asString()).endsWith("point-task-ratio-not-allowed");

        String member = member(JOINED, "褚入会", null);
        Eventually.await(Duration.ofSeconds(30), "the new member rewarded", () -> taskEntries(JOINED, member),
                entries -> !entries.isEmpty());
        assertThat(events(MemberEvents.TOPIC, member)).containsExactly("MemberJoined -");

        inStore(JOINED, () -> tx.execute(s -> {
            members.bindOwner(UUID.fromString(member), "owner-subject-1", "owner.13600000001");
            return null;
        }));
        inStore(JOINED, () -> tx.execute(s -> {
            members.bindOwner(UUID.fromString(member), "owner-subject-1", "owner.13600000001");
            return null;
        }));
        Eventually.await(Duration.ofSeconds(30), "the owner's sign-up rewarded", () -> taskEntries(JOINED, member),
                entries -> entries.size() == 2);
        assertThat(events(MemberEvents.TOPIC, member)).as("a repeated binding is no second sign-up")
                .containsExactly("MemberJoined -", "OwnerSignedUp -");

        ReceivedEvent join = event(JOINED, MemberEvents.TOPIC, "MemberJoined", member);
        rewards.handle(List.of(join, join));
        assertThat(inStore(JOINED, () -> tasks.onEvent(PointTaskTrigger.MEMBER_JOINED, join.eventId(),
                join.occurredAt(), JSON.readTree(join.payload())))).as("the limit's key holds").isZero();
        assertThat(taskEntries(JOINED, member)).containsExactly(
                "GRANT 100 100 入会礼 task:" + joined + ":" + member,
                "GRANT 200 200 注册车主 App 礼 task:" + signedUp + ":" + member);

        // a member made for a DMS customer joins too, and says so
        settle(JOINED, "RO-DMS-1", null, "13912345678", List.of(line(1, "CUSTOMER", "100.00", false)), "SETTLED");
        String made = strings("select id::text from store_" + JOINED + ".member where phone = ?", "13912345678")
                .getFirst();
        Eventually.await(Duration.ofSeconds(30), "the DMS customer rewarded", () -> taskEntries(JOINED, made),
                entries -> !entries.isEmpty());
        assertThat(events(MemberEvents.TOPIC, made)).containsExactly("MemberJoined DMS_IMPORT");
        assertThat(taskEntries(JOINED, made)).containsExactly("GRANT 100 100 入会礼 task:" + joined + ":" + made);
    }

    @Test
    void aReferredMembersFirstOrderRewardsTheReferrerOnce() throws Exception {
        LocalDate today = inStore(REFERRAL, () -> storeTime.today());
        Api.Response daily = manager(REFERRAL).post(base(REFERRAL) + "/point-tasks", task("推荐有礼", "REFERRAL_FIRST_ORDER",
                "FIXED", 300L, null, "DAILY", today));
        assertThat(daily.status()).isEqualTo(422);
        assertThat(daily.json().path("type").asString()).endsWith("point-task-limit-once-only");
        assertThat(daily.json().path("detail").asString())
                .isEqualTo("触发条件“推荐的新会员首单”对每位被推荐的会员只奖励一次，请选择“仅一次”。");
        String task = publish(REFERRAL, task("推荐有礼", "REFERRAL_FIRST_ORDER", "FIXED", 300L, null, "ONCE", today));
        String triggers = manager(REFERRAL).get(base(REFERRAL) + "/point-task-triggers").json().toString();
        assertThat(triggers).contains("\"trigger\":\"REFERRAL_FIRST_ORDER\",\"available\":true,\"amount\":false,"
                + "\"unlimitedAllowed\":false,\"onceOnly\":true");

        String referrer = member(REFERRAL, "蒋推荐", null);
        String referrerPhone = phone(REFERRAL, referrer);
        Api.Response unknown = manager(REFERRAL).post(base(REFERRAL) + "/members", Map.of("profile",
                Map.of("name", "沈新", "phone", "13700009999"), "referrerPhone", "13700000000"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("detail").asString())
                .isEqualTo("本店没有手机号为 13700000000 的会员：推荐人须是本店会员。");
        Api.Response self = manager(REFERRAL).post(base(REFERRAL) + "/members", Map.of("profile",
                Map.of("name", "沈新", "phone", "13700009999"), "referrerPhone", "13700009999"));
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.json().path("type").asString()).endsWith("referrer-self");
        assertThat(self.json().path("detail").asString()).isEqualTo("会员不能推荐自己，请填写推荐该会员的会员手机号。");

        String referred = member(REFERRAL, "沈新", referrerPhone);
        String view = manager(REFERRAL).get(base(REFERRAL) + "/members/" + referred).json().path("referrer").toString();
        assertThat(view).isEqualTo("{\"memberId\":\"" + referrer + "\",\"name\":\"蒋推荐\"}");
        String other = member(REFERRAL, "韩自来", null);

        String first = settle(REFERRAL, "RO-REF-1", referred, null, List.of(line(1, "CUSTOMER", "500.00", false)),
                "SETTLED");
        settle(REFERRAL, "RO-REF-2", other, null, List.of(line(1, "CUSTOMER", "500.00", false)), "SETTLED");
        Eventually.await(Duration.ofSeconds(30), "the referrer rewarded", () -> taskEntries(REFERRAL, referrer),
                entries -> !entries.isEmpty());
        String second = settle(REFERRAL, "RO-REF-3", referred, null, List.of(line(1, "CUSTOMER", "80.00", false)),
                "SETTLED");
        awaitProcessed(REFERRAL, second);
        ReceivedEvent settled = event(REFERRAL, RepairOrderEvents.TOPIC, "RepairOrderSettled", first);
        rewards.handle(List.of(settled, settled));
        assertThat(inStore(REFERRAL, () -> tasks.onEvent(PointTaskTrigger.REFERRAL_FIRST_ORDER, settled.eventId(),
                settled.occurredAt(), JSON.readTree(settled.payload())))).as("once per referred member").isZero();

        assertThat(taskEntries(REFERRAL, referrer)).containsExactly(
                "GRANT 300 300 推荐有礼 task:" + task + ":subject:" + referred);
        assertThat(taskEntries(REFERRAL, referred)).as("the referred member is not the one rewarded").isEmpty();
        assertThat(taskEntries(REFERRAL, other)).as("a member nobody referred rewards nobody").isEmpty();
    }

    @Test
    void aRefundTakesBackExactlyWhatARatioGaveBeyondWhatIsLeftAndAReversalTheRest() throws Exception {
        LocalDate today = inStore(REFUND, () -> storeTime.today());
        String ratio = publish(REFUND, task("保养返积分", "REPAIR_ORDER_SETTLED", "RATIO", null, "0.5", "UNLIMITED", today));
        String fixed = publish(REFUND, task("到店礼", "REPAIR_ORDER_SETTLED", "FIXED", 100L, null, "UNLIMITED", today));
        String member = member(REFUND, "杨退款", null);
        List<Map<String, Object>> lines = List.of(line(1, "CUSTOMER", "300.00", false),
                line(2, "CUSTOMER", "100.90", false), line(3, "WARRANTY", "500.00", false));
        String order = settle(REFUND, "RO-BACK-1", member, null, lines, "SETTLED");
        Eventually.await(Duration.ofSeconds(30), "the order rewarded", () -> taskEntries(REFUND, member),
                entries -> entries.size() == 2);
        assertThat(available(member)).isEqualTo(300);

        settle(REFUND, "RO-BACK-1", member, null, List.of(line(1, "CUSTOMER", "300.00", false),
                line(2, "CUSTOMER", "100.90", true), line(3, "WARRANTY", "500.00", false)), "SETTLED");
        Eventually.await(Duration.ofSeconds(30), "the refund taken back", () -> taskEntries(REFUND, member),
                entries -> entries.size() == 3);
        ReceivedEvent refunded = event(REFUND, RepairOrderEvents.TOPIC, "RepairOrderRefunded", order);
        rewards.handle(List.of(refunded, refunded));
        assertThat(inStore(REFUND, () -> tasks.onTakeBack(
                new PointTaskTrigger.TakeBack(UUID.fromString(order), false, false), refunded.eventId())))
                .as("a replayed refund takes nothing more").isZero();
        assertThat(taskEntries(REFUND, member)).containsExactlyInAnyOrder(
                "GRANT 200 200 保养返积分 task:" + ratio + ":event:" + event(REFUND, RepairOrderEvents.TOPIC,
                        "RepairOrderSettled", order).eventId(),
                "GRANT 100 100 到店礼 task:" + fixed + ":event:" + event(REFUND, RepairOrderEvents.TOPIC,
                        "RepairOrderSettled", order).eventId(),
                "REFUND -50 -50 保养返积分 task:" + ratio + ":order:" + order + ":refund:" + refunded.eventId());
        assertThat(available(member)).as("300 yuan left give 150; the fixed reward stays").isEqualTo(250);

        Api.Response spent = manager(REFUND).post(base(REFUND) + "/members/" + member + "/points/redemptions",
                Map.of("points", 220, "what", "保养券"));
        assertThat(spent.status()).as(spent.raw()).isEqualTo(200);
        settle(REFUND, "RO-BACK-1", member, null, List.of(line(1, "CUSTOMER", "300.00", false),
                line(2, "CUSTOMER", "100.90", true), line(3, "WARRANTY", "500.00", false)), "REVERSED");
        Eventually.await(Duration.ofSeconds(30), "the reversal taken back", () -> taskEntries(REFUND, member),
                entries -> entries.size() == 5);
        ReceivedEvent reversed = event(REFUND, RepairOrderEvents.TOPIC, "RepairOrderReversed", order);
        rewards.handle(List.of(reversed));
        assertThat(inStore(REFUND, () -> tasks.onTakeBack(
                new PointTaskTrigger.TakeBack(UUID.fromString(order), true, true), reversed.eventId())))
                .isZero();
        assertThat(strings("select kind || ' ' || earned_delta || ' ' || idempotency_key from store_" + REFUND
                + ".points_entry where source_type = 'POINT_TASK' and kind = 'REVERSE' and member_id = ?::uuid",
                member)).containsExactlyInAnyOrder(
                        "REVERSE -150 task:" + ratio + ":order:" + order + ":reverse",
                        "REVERSE -100 task:" + fixed + ":order:" + order + ":reverse");
        Api.Response balance = manager(REFUND).get(base(REFUND) + "/members/" + member + "/points");
        assertThat(balance.json().path("available").asLong()).isZero();
        assertThat(balance.json().path("debt").asLong()).as("250 taken back, 30 available: 220 owed")
                .isEqualTo(220);
        assertThat(strings("select sum(earned_delta)::text from store_" + REFUND + ".points_entry"
                + " where source_type = 'POINT_TASK' and cause_id = ?::uuid", order))
                .as("everything the tasks gave for the order is taken back").containsExactly("0");
    }

    // --- helpers

    private Api manager(String store) {
        return as(TestUsers.manager(GROUP, store));
    }

    private static String base(String store) {
        return "/api/stores/" + store;
    }

    private static Map<String, Object> task(String name, String trigger, String rewardKind, Long points, String ratio,
            String limit, LocalDate from) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("name", name);
        task.put("description", name + "：自动发放");
        task.put("trigger", trigger);
        task.put("rewardKind", rewardKind);
        task.put("points", points);
        task.put("pointsPerYuan", ratio);
        task.put("memberLimit", limit);
        task.put("validFrom", from.toString());
        task.put("validUntil", null);
        return task;
    }

    private String publish(String store, Map<String, Object> task) {
        Api.Response created = manager(store).post(base(store) + "/point-tasks", task);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.json().path("id").asString();
        Api.Response published = manager(store).post(base(store) + "/point-tasks/" + id + "/publish", "");
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        return id;
    }

    private String member(String store, String name, String referrerPhone) {
        String phone = "1370000" + String.format("%04d", ++phones);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("profile", Map.of("name", name, "phone", phone));
        if (referrerPhone != null) {
            body.put("referrerPhone", referrerPhone);
        }
        Api.Response r = manager(store).post(base(store) + "/members", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    private String phone(String store, String member) {
        return manager(store).get(base(store) + "/members/" + member).json().path("profile").path("phone").asString();
    }

    private static Map<String, Object> line(int no, String account, String amount, boolean refunded) {
        return Map.of("lineNo", no, "kind", "LABOUR", "description", "保养" + no, "quantity", "1",
                "amount", Map.of("amount", amount, "currency", "CNY"), "accountType", account, "refunded", refunded);
    }

    private String settle(String store, String dmsNumber, String member, String customerPhone,
            List<Map<String, Object>> lines, String status) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("dmsNumber", dmsNumber);
        if (member != null) {
            order.put("memberId", member);
        } else {
            order.put("customer", Map.of("name", "客户" + (++orders), "phone", customerPhone));
            order.put("plate", "粤B1234" + orders);
        }
        Instant settledAt = settledAts.computeIfAbsent(dmsNumber,
                n -> clock.instant().minus(2, ChronoUnit.HOURS).plusSeconds(settledAts.size()));
        order.put("openedAt", settledAt.minus(1, ChronoUnit.HOURS).toString());
        order.put("status", status);
        order.put("settledAt", settledAt.toString());
        order.put("lines", lines);
        Api.Response r = manager(store).post(base(store) + "/repair-orders/batch", Map.of("orders", List.of(order)));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("orders").get(0).path("repairOrderId").isNull()).as(r.raw()).isFalse();
        return r.json().path("orders").get(0).path("repairOrderId").asString();
    }

    private long available(String member) {
        return manager(REFUND).get(base(REFUND) + "/members/" + member + "/points").json().path("available").asLong();
    }

    /** Waits until the rewards consumer has processed the order's settlement. */
    private void awaitProcessed(String store, String order) throws SQLException {
        UUID settled = event(store, RepairOrderEvents.TOPIC, "RepairOrderSettled", order).eventId();
        Eventually.await(Duration.ofSeconds(30), "the settlement processed", () -> strings(
                "select count(*)::text from console.processed_event where consumer = '"
                        + PointTaskRewards.NAME + "' and event_id = ?::uuid", settled.toString()),
                rows -> rows.equals(List.of("1")));
    }

    private <T> T inStore(String store, Supplier<T> work) {
        return TenantContext.supplyAs(tenant(store), work);
    }

    private Tenant tenant(String store) {
        return tenants.find(store).orElseThrow().tenant();
    }

    /** The member's task entries: kind, available and earned change, the source's reference, the key. */
    private List<String> taskEntries(String store, String member) {
        return strings("select kind || ' ' || available_delta || ' ' || earned_delta || ' ' || source_ref || ' '"
                + " || idempotency_key from store_" + store + ".points_entry where source_type = 'POINT_TASK'"
                + " and member_id = ?::uuid order by created_at, id", member);
    }

    /** The member's events on a topic: type and source (for MemberJoined). */
    private List<String> events(String topic, String member) {
        return strings("select event_type || ' ' || coalesce(payload->>'source', '-') from console.event_outbox"
                + " where topic = '" + topic + "' and payload->>'memberId' = ? order by id", member);
    }

    private ReceivedEvent event(String store, String topic, String type, String id) throws SQLException {
        String field = topic.equals(MemberEvents.TOPIC) ? "memberId" : "repairOrderId";
        try (Connection c = database.connect(); PreparedStatement q = c.prepareStatement("select event_id, id,"
                + " event_type, store_code, payload::text, occurred_at from console.event_outbox"
                + " where payload->>'" + field + "' = ? and event_type = ? order by id")) {
            q.setString(1, id);
            q.setString(2, type);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as(type + " of " + id).isTrue();
                return new ReceivedEvent(rs.getObject(1, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(6).toInstant(), rs.getLong(2), topic, 0, 0, rs.getString(5));
            }
        }
    }

}
