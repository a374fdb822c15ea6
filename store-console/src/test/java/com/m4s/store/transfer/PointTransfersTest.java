package com.m4s.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.TestClock;
import com.m4s.platform.test.TestUsers;
import com.m4s.platform.web.ApiException;
import com.m4s.store.points.EntryKind;
import com.m4s.store.points.Points;
import com.m4s.store.points.SourceType;
import com.m4s.store.support.StoreConsoleTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Point transfers (PTS-6, decision 0040) as scenarios: a race of 100 transfers out of one balance, transfers crossing
 * between two members, the store's limits with the test clock, a manager's reversal, a refund of a transferred
 * reward (the sender's debt), and a share link's conversions rewarded once. Every scenario checks the ledger's
 * invariants: each balance is the sum of its entries and of its lots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointTransfersTest extends StoreConsoleTest {

    private static final String STORE = "ptr_x";
    private static final String OTHER = "ptr_y";
    private static final String BASE = "/api/stores/" + STORE;

    @Autowired
    TestClock clock;
    @Autowired
    TenantRegistry tenants;
    @Autowired
    Points points;
    @Autowired
    PointTransfers transfers;
    @Autowired
    PointShares shares;

    private int phones;

    @BeforeAll
    void stores() {
        provision(STORE);
        provision(OTHER);
    }

    @Test
    void aHundredConcurrentTransfersOutOfOneBalanceNeverGoBelowZeroAndConserveEveryPoint() throws Exception {
        policy(true, 10, 1_000_000);
        Owner sender = owner("并发转出");
        adjust(sender.member(), 1000);
        List<Owner> receivers = List.of(owner("接收甲"), owner("接收乙"), owner("接收丙"));
        Api api = as(sender.login());

        int threads = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Owner to = receivers.get(i % receivers.size());
                String key = "race-" + i;
                Callable<Api.Response> call = () -> {
                    start.await();
                    return api.post(BASE + "/me/point-transfers", Map.of("phone", to.phone(), "points", 15),
                            Map.of("Idempotency-Key", key));
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            int completed = 0;
            for (Future<Api.Response> result : results) {
                Api.Response r = result.get();
                if (r.status() == 200) {
                    completed++;
                } else {
                    assertThat(r.status()).as(r.raw()).isEqualTo(409);
                    assertThat(r.problemType()).isEqualTo("insufficient-points");
                }
            }
            // 1000 / 15 = 66 transfers fit, 10 points stay: every refusal was for want of points, none for a lock
            assertThat(completed).isEqualTo(66);
            long received = 0;
            for (Owner r : receivers) {
                received += balance(r.member()).available();
            }
            Points.Balance left = balance(sender.member());
            assertThat(left.available()).isEqualTo(1000 - 15L * completed).isEqualTo(10);
            assertThat(received).as("what the completed transfers moved").isEqualTo(15L * completed);
            assertThat(left.available() + received).as("the total across the members").isEqualTo(1000);
            assertThat(count("select count(*) from store_" + STORE + ".point_transfer where from_member_id = ?"
                    + " and status = 'COMPLETED'", sender.member())).isEqualTo(completed);
            assertThat(count("select count(*) from store_" + STORE + ".points_entry where member_id = ?"
                    + " and kind = 'TRANSFER_OUT' and available_delta = -15", sender.member())).isEqualTo(completed);
            assertThat(count("select count(*) from console.event_outbox where topic = 'm4s.pointtransfer'"
                    + " and event_type = 'PointTransferCompleted' and payload->>'fromMemberId' = ?",
                    sender.member())).isEqualTo(completed);
        } finally {
            pool.shutdownNow();
        }
        assertLedgerConsistent();
    }

    @Test
    void transfersCrossingBetweenTwoMembersAtOnceDoNotDeadlock() throws Exception {
        policy(true, 10, 1_000_000);
        Owner a = owner("交叉甲");
        Owner b = owner("交叉乙");
        adjust(a.member(), 1000);
        adjust(b.member(), 1000);
        Api asA = as(a.login());
        Api asB = as(b.login());
        // 10 at a time, below the service's 20 pooled connections: a deadlock would end a transaction (PostgreSQL
        // aborts one of a cycle), which answers 500; every transfer answering 200 shows the fixed lock order holds
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                boolean fromA = i % 2 == 0;
                Api api = fromA ? asA : asB;
                String to = fromA ? b.phone() : a.phone();
                long amount = fromA ? 10 : 20;
                results.add(pool.submit(() -> {
                    start.await();
                    return api.post(BASE + "/me/point-transfers", Map.of("phone", to, "points", amount));
                }));
            }
            start.countDown();
            for (Future<Api.Response> result : results) {
                Api.Response r = result.get();
                assertThat(r.status()).as(r.raw()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        // 20 of 10 points A → B, 20 of 20 points B → A
        assertThat(balance(a.member()).available()).isEqualTo(1000 - 200 + 400);
        assertThat(balance(b.member()).available()).isEqualTo(1000 + 200 - 400);
        assertLedgerConsistent();
    }

    @Test
    void everyLimitIsAClearProblemAndTheDailyMaximumFollowsTheStoreDay() {
        policy(true, 10, 100);
        Owner sender = owner("限额转出");
        Owner receiver = owner("限额接收");
        adjust(sender.member(), 500);
        Api api = as(sender.login());
        String mine = BASE + "/me/point-transfers";

        assertThat(api.get(mine + "/recipient?phone=" + receiver.phone()).json().path("name").asString())
                .isEqualTo("限***");
        assertProblem(api.post(mine, Map.of("phone", sender.phone(), "points", 20)), 422, "point-transfer-self",
                "这是您自己的手机号，积分不能转赠给自己。");
        assertProblem(api.post(mine, Map.of("phone", "13999999999", "points", 20)), 422,
                "point-transfer-recipient-unknown", "本店没有使用该手机号的会员。积分只能转赠给同一门店的会员。");
        String elsewhere = memberIn(OTHER, "别店会员");
        assertProblem(api.post(mine, Map.of("phone", elsewhere, "points", 20)), 422,
                "point-transfer-recipient-unknown", null);
        assertProblem(api.post(mine, Map.of("phone", receiver.phone(), "points", 9)), 422,
                "point-transfer-below-minimum", "每次转赠至少 10 积分。");
        assertProblem(api.withLanguage("en").post(mine, Map.of("phone", receiver.phone(), "points", 101)), 422,
                "point-transfer-daily-maximum", "At most 100 points may be transferred out a day; 0 went out today,"
                        + " so at most 100 more.");
        policy(true, 10, 10_000);
        assertProblem(api.post(mine, Map.of("phone", receiver.phone(), "points", 501)), 409, "insufficient-points",
                "需要 501 积分，可用积分只有 500。");
        policy(false, 10, 10_000);
        assertProblem(api.post(mine, Map.of("phone", receiver.phone(), "points", 20)), 409,
                "point-transfers-disabled", "本店目前不允许转赠积分。");
        assertThat(count("select count(*) from store_" + STORE + ".point_transfer where from_member_id = ?",
                sender.member())).as("nothing refused was recorded").isZero();

        // the daily maximum on the store's calendar (Asia/Shanghai), with the test clock
        policy(true, 10, 100);
        String subject = TestUsers.describe(sender.login()).path("id").asString();
        try {
            clock.freeze();
            at("2027-03-01T23:00:00+08:00");
            inStore(() -> transfers.transfer(subject, receiver.phone(), 60, "day:1", "owner"));
            ApiException over = Assertions.catchThrowableOfType(ApiException.class,
                    () -> inStore(() -> transfers.transfer(subject, receiver.phone(), 50, "day:2", "owner")));
            assertThat(over.type()).isEqualTo("point-transfer-daily-maximum");
            at("2027-03-01T23:59:59+08:00");
            assertThat(inStore(() -> transfers.limits(subject)).leftToday()).isEqualTo(40);
            at("2027-03-02T00:00:01+08:00");
            assertThat(inStore(() -> transfers.limits(subject)).leftToday()).isEqualTo(100);
            inStore(() -> transfers.transfer(subject, receiver.phone(), 50, "day:3", "owner"));
            // a repeat of a request answers the first transfer
            PointTransferViews.OwnTransferResult again = inStore(() -> transfers.transfer(subject, receiver.phone(),
                    50, "day:3", "owner"));
            assertThat(again.points()).isEqualTo(50);
        } finally {
            clock.reset();
        }
        assertThat(balance(sender.member())).isEqualTo(new Points.Balance(sender.member(), 390, 0, 0, 0));
        assertThat(balance(receiver.member())).as("transfers are not earning: lifetime earned stays")
                .isEqualTo(new Points.Balance(receiver.member(), 110, 0, 0, 0));
        assertLedgerConsistent();
    }

    @Test
    void aManagerReversesATransferOnceWithExactlyTheOppositeEntriesUnlessTheReceiverSpentThePoints()
            throws SQLException {
        policy(true, 10, 10_000);
        Owner sender = owner("撤销转出");
        Owner receiver = owner("撤销接收");
        adjust(sender.member(), 300);
        Api api = as(sender.login());
        Api.Response made = api.post(BASE + "/me/point-transfers", Map.of("phone", receiver.phone(), "points", 200),
                Map.of("Idempotency-Key", "rev-1"));
        assertThat(made.status()).as(made.raw()).isEqualTo(200);
        assertThat(made.json().path("recipientName").asString()).isEqualTo("撤***");
        assertThat(made.json().path("availableAfter").asLong()).isEqualTo(100);
        String id = made.json().path("id").asString();
        Api.Response replayed = api.post(BASE + "/me/point-transfers", Map.of("phone", receiver.phone(), "points",
                200), Map.of("Idempotency-Key", "rev-1"));
        assertThat(replayed.json().path("id").asString()).as("a repeated request").isEqualTo(id);

        // the receiver's history names the sender, masked
        JsonNode history = as(receiver.login()).get(BASE + "/me/points/entries").json().path("content");
        assertThat(history.get(0).path("kind").asString()).isEqualTo("TRANSFER_IN");
        assertThat(history.get(0).path("sourceRef").asString()).isEqualTo("撤*** " + masked(sender.phone()));

        String reversal = BASE + "/point-transfers/" + id + "/reversal";
        assertThat(as(TestUsers.staff(GROUP, STORE, "CUSTOMER_CARE")).post(reversal, Map.of("reason", "误转"))
                .status()).as("managers only").isEqualTo(403);
        assertThat(manager().post(reversal, Map.of("reason", " ")).status()).isEqualTo(422);
        Api.Response reversed = manager().post(reversal, Map.of("reason", "客户误转，申请撤回"));
        assertThat(reversed.status()).as(reversed.raw()).isEqualTo(200);
        assertThat(reversed.json().path("status").asString()).isEqualTo("REVERSED");
        assertThat(manager().post(reversal, Map.of("reason", "再撤一次")).json().path("reverseReason").asString())
                .as("a second reversal changes nothing").isEqualTo("客户误转，申请撤回");

        assertThat(entries(sender.member())).containsExactly("ADJUST 300 STAFF_ADJUSTMENT",
                "TRANSFER_OUT -200 TRANSFER", "TRANSFER_IN 200 TRANSFER_REVERSAL");
        assertThat(entries(receiver.member())).containsExactly("TRANSFER_IN 200 TRANSFER",
                "TRANSFER_OUT -200 TRANSFER_REVERSAL");
        assertThat(strings("select event_type from console.event_outbox where topic = 'm4s.pointtransfer'"
                + " and payload->>'transferId' = ? order by id", id)).containsExactly("PointTransferCompleted",
                "PointTransferReversed");

        // a transfer whose points the receiver spent cannot be reversed
        Api.Response second = api.post(BASE + "/me/point-transfers", Map.of("phone", receiver.phone(), "points", 100));
        assertThat(second.status()).as(second.raw()).isEqualTo(200);
        inStore(() -> points.redeem(receiver.member(), 60, "洗车", "rev:redeem", "staff"));
        Api.Response spent = manager().post(BASE + "/point-transfers/" + second.json().path("id").asString()
                + "/reversal", Map.of("reason", "撤回"));
        assertProblem(spent, 409, "point-transfer-points-spent", "撤销需收回 100 积分，但接收方可用积分只有 40，无法撤销该笔转赠。");

        JsonNode listed = manager().get(BASE + "/point-transfers?phone=" + sender.phone().substring(5)
                + "&status=REVERSED").json();
        assertThat(listed.path("totalElements").asLong()).isEqualTo(1);
        assertThat(listed.path("content").get(0).path("toName").asString()).isEqualTo("撤销接收");
        assertThat(manager().download(BASE + "/point-transfers/export?member=" + sender.member()).status())
                .isEqualTo(200);
        assertLedgerConsistent();
    }

    @Test
    void aRefundAfterTheRewardWasTransferredPutsTheSenderInDebtNeverBelowZero() {
        policy(true, 10, 10_000);
        Owner sender = owner("退款转出");
        Owner receiver = owner("退款接收");
        UUID task = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Points.Source reward = new Points.Source(SourceType.POINT_TASK, task, "保养返积分");
        inStore(() -> points.grant(sender.member(), reward, order, 300, "launder:grant", "system"));
        Api.Response moved = as(sender.login()).post(BASE + "/me/point-transfers",
                Map.of("phone", receiver.phone(), "points", 300));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        // the order is reversed: the task's take-back finds the 300 given for it, the sender has none available
        inStore(() -> points.takeBack(sender.member(), EntryKind.REVERSE, reward, order, 0, "launder:reverse",
                "system"));
        assertThat(balance(sender.member())).isEqualTo(new Points.Balance(sender.member(), 0, 0, 0, 300));
        assertThat(balance(receiver.member())).isEqualTo(new Points.Balance(receiver.member(), 300, 0, 0, 0));
        // the sender's next points pay the debt first; nothing more can be transferred meanwhile
        adjust(sender.member(), 100);
        assertThat(balance(sender.member())).isEqualTo(new Points.Balance(sender.member(), 0, 0, 0, 200));
        assertThat(as(sender.login()).post(BASE + "/me/point-transfers", Map.of("phone", receiver.phone(),
                "points", 10)).status()).isEqualTo(409);
        assertLedgerConsistent();
    }

    @Test
    void aShareLinkConvertsOncePerVisitorNeverForTheSharerAndTheTaskRewardsWithinItsDailyLimit() {
        Owner sharer = owner("分享车主");
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("name", "分享有礼");
        task.put("description", "分享链接带来新访客");
        task.put("trigger", "SHARE_CONVERTED");
        task.put("rewardKind", "FIXED");
        task.put("points", 20);
        task.put("pointsPerYuan", null);
        task.put("memberLimit", "DAILY");
        task.put("validFrom", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
        task.put("validUntil", null);
        Api.Response created = manager().post(BASE + "/point-tasks", task);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String taskId = created.json().path("id").asString();
        assertThat(manager().post(BASE + "/point-tasks/" + taskId + "/publish", "").status()).isEqualTo(200);

        Api.Response link = as(sharer.login()).post(BASE + "/me/shares", Map.of("visitor", "sharer-browser"));
        assertThat(link.status()).as(link.raw()).isEqualTo(200);
        String token = link.json().path("token").asString();
        String visits = BASE + "/shares/" + token + "/visits";
        assertThat(anonymous().post(visits, Map.of("visitor", "sharer-browser")).json().path("converted")
                .asBoolean()).as("the sharer's own browser").isFalse();
        assertThat(anonymous().post(visits, Map.of("visitor", "visitor-1")).json().path("converted").asBoolean())
                .isTrue();
        assertThat(anonymous().post(visits, Map.of("visitor", "visitor-1")).json().path("converted").asBoolean())
                .as("the same visitor again").isFalse();
        assertThat(anonymous().post(visits, Map.of("visitor", "visitor-2")).json().path("converted").asBoolean())
                .isTrue();
        assertThat(inStore(() -> shares.signedUp(token, sharer.member()))).as("the sharer signing up").isFalse();
        assertThat(anonymous().post(BASE + "/shares/000000000000000000000000/visits", Map.of("visitor", "v"))
                .status()).isEqualTo(404);
        assertThat(count("select count(*) from console.event_outbox where topic = 'm4s.pointtransfer'"
                + " and event_type = 'PointShareConverted' and payload->>'sharerMemberId' = ?", sharer.member()))
                .isEqualTo(2);

        // two conversions today, one reward: the task's DAILY limit is the sharer's daily cap
        Eventually.await(Duration.ofSeconds(30), "the sharer rewarded", () -> balance(sharer.member()).available(),
                available -> available > 0);
        Eventually.await(Duration.ofSeconds(30), "both conversions consumed", () -> count(
                "select count(*) from console.processed_event p join console.event_outbox o on o.event_id ="
                        + " p.event_id and p.consumer = 'store-console.point-task-rewards'"
                        + " where o.payload->>'sharerMemberId' = ?", sharer.member()), n -> n >= 2);
        assertThat(balance(sharer.member())).isEqualTo(new Points.Balance(sharer.member(), 20, 0, 20, 0));
        assertLedgerConsistent();
    }

    // --- helpers

    record Owner(UUID member, String phone, String login) {
    }

    private Owner owner(String name) {
        String phone = "1350000" + String.format("%04d", ++phones);
        Api.Response r = manager().post(BASE + "/members", Map.of("profile", Map.of("name", name, "phone", phone)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        UUID member = UUID.fromString(r.json().path("id").asString());
        String login = TestUsers.owner("ptr-owner-" + phones, STORE);
        try (Connection c = database.connect(); PreparedStatement u = c.prepareStatement("update store_" + STORE
                + ".member set owner_subject = ?, owner_username = ? where id = ?")) {
            u.setString(1, TestUsers.describe(login).path("id").asString());
            u.setString(2, login);
            u.setObject(3, member);
            assertThat(u.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Owner(member, phone, login);
    }

    private String memberIn(String store, String name) {
        String phone = "1350000" + String.format("%04d", ++phones);
        Api.Response r = as(TestUsers.manager(GROUP, store)).post("/api/stores/" + store + "/members",
                Map.of("profile", Map.of("name", name, "phone", phone)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return phone;
    }

    private void policy(boolean enabled, long min, long max) {
        Api.Response r = manager().put(BASE + "/point-transfers/policy", Map.of("enabled", enabled, "minPoints", min,
                "dailyMaxOut", max));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    private void adjust(UUID member, long amount) {
        Api.Response r = manager().post(BASE + "/members/" + member + "/points/adjustments",
                Map.of("points", amount, "reason", "测试赠送"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    private Points.Balance balance(UUID member) {
        return inStore(() -> points.balance(member));
    }

    private static void assertProblem(Api.Response r, int status, String type, String detail) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.problemType()).isEqualTo(type);
        if (detail != null) {
            assertThat(r.json().path("detail").asString()).isEqualTo(detail);
        }
    }

    private static String masked(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }

    private void at(String storeTime) {
        clock.set(java.time.OffsetDateTime.parse(storeTime).toInstant());
    }

    private Tenant tenant() {
        return tenants.find(STORE).orElseThrow().tenant();
    }

    private <T> T inStore(Supplier<T> work) {
        return TenantContext.supplyAs(tenant(), work);
    }

    private Api manager() {
        return as(TestUsers.manager(GROUP, STORE));
    }

    /** The member's entries, oldest first: kind, available change, source type. */
    private List<String> entries(UUID member) {
        return strings("select kind || ' ' || available_delta || ' ' || source_type from store_" + STORE
                + ".points_entry where member_id = ?::uuid order by created_at, id", member.toString());
    }

    private long count(String sql, Object argument) {
        try (Connection c = database.connect(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, argument instanceof UUID u && sql.contains("->>") ? u.toString() : argument);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> strings(String sql, String argument) {
        try (Connection c = database.connect(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, argument);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every member: the lots' remainders sum to available; the balance is the sum of the entries; none negative. */
    private void assertLedgerConsistent() {
        String schema = "store_" + STORE;
        assertThat(count("select count(*) from " + schema + ".points_balance b left join (select member_id,"
                + " sum(remaining) r from " + schema + ".points_lot group by member_id) l on l.member_id = b.id"
                + " left join (select member_id, sum(available_delta) a, sum(pending_delta) p, sum(debt_delta) d,"
                + " sum(earned_delta) e from " + schema + ".points_entry group by member_id) x on x.member_id = b.id"
                + " where ? = '' and (b.available <> coalesce(l.r, 0) or b.available <> coalesce(x.a, 0)"
                + " or b.pending <> coalesce(x.p, 0) or b.debt <> coalesce(x.d, 0)"
                + " or b.lifetime_earned <> coalesce(x.e, 0) or b.available < 0)", ""))
                .as("balances that differ from their lots or entries").isZero();
    }
}
