package com.m4s.store.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.test.TestClock;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Points expiry (PTS-6, decision 0039) on the test clock: lots of different ages, partial spends, reminders and
 * expiry runs give exactly the hand calculation; a repeated run changes nothing; staff restore an expiry once; the
 * lots' remainders always sum to the available balance, and the balance to the entries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointsExpiryTest extends StoreConsoleTest {

    private static final String STORE = "pts_x";
    private static final String BASE = "/api/stores/" + STORE;

    @Autowired
    TestClock clock;
    @Autowired
    TenantRegistry tenants;
    @Autowired
    Points points;
    @Autowired
    PointsExpiry expiry;
    @Autowired
    PointsExpiryPolicies policies;

    private int phones;

    @BeforeAll
    void store() {
        provision(STORE);
    }

    @Test
    void fifoLotsPartialSpendsOneReminderAndAnExpiryRunGiveTheHandCalculation() throws SQLException {
        UUID member = member("林到期");
        // the store's policy: points expire at the end of the 2nd month after the month they became available
        Api.Response set = manager().put(BASE + "/points/rules/expiry-policy",
                Map.of("kind", "END_OF_MONTH_AFTER_N_MONTHS", "months", 2),
                Map.of("If-Match", "\"" + inStore(policies::current).version() + "\""));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        long version = set.json().path("version").asLong();
        assertThat(manager().put(BASE + "/points/rules/expiry-policy", Map.of("kind", "NEVER"),
                Map.of("If-Match", "\"" + (version - 1) + "\"")).status()).as("a stale If-Match").isEqualTo(409);
        assertThat(manager().put(BASE + "/points/rules/expiry-policy", Map.of("kind", "END_OF_NEXT_YEAR",
                "months", 3)).json().path("type").asString()).endsWith("points-expiry-months");
        assertThat(manager().get(BASE + "/points/rules/expiry-policy").json().path("months").asInt()).isEqualTo(2);

        // Store time is Asia/Shanghai (+08:00). The hand calculation, lot by lot (A, B, C: oldest first):
        //
        // | store time        | what                       | entry        | A (→03-31) | B (→04-30) | C (→05-31) | available |
        // |-------------------|----------------------------|--------------|-----------:|-----------:|-----------:|----------:|
        // | 2027-01-10 10:00  | staff add 100              | ADJUST +100  |        100 |            |            |       100 |
        // | 2027-02-15 10:00  | task grant 200             | GRANT +200   |        100 |        200 |            |       300 |
        // | 2027-02-20 10:00  | redeem 150 (A first)       | REDEEM -150  |          0 |        150 |            |       150 |
        // | 2027-03-05 10:00  | staff add 300              | ADJUST +300  |          0 |        150 |        300 |       450 |
        // | 2027-03-10 10:00  | job: nothing due, no lot   |              |          0 |        150 |        300 |       450 |
        // |                   | within 30 days with points |              |            |            |            |           |
        // | 2027-04-05 10:00  | job ×2: one reminder, B's  | (SMS)        |          0 |        150 |        300 |       450 |
        // |                   | 150 on 2027-04-30          |              |            |            |            |           |
        // | 2027-04-20 10:00  | redeem 100 (B first)       | REDEEM -100  |          0 |         50 |        300 |       350 |
        // | 2027-05-01 00:30  | job ×2: B expires          | EXPIRE -50   |          0 |          0 |        300 |       300 |
        // | 2027-05-02 10:00  | staff restore B's expiry   | ADJUST +50   |   D: 50, expiring 2027-07-31 (90 days) |       350 |
        //
        // A's expiry (2027-03-31) found nothing left: no entry. C is not reminded on 05-01: its end (06-01 00:00)
        // is more than 30 days away.
        clock.freeze();
        at("2027-01-10T10:00:00+08:00");
        inStore(() -> points.adjust(member, 100, "开卡赠送", "t:a", "staff"));
        at("2027-02-15T10:00:00+08:00");
        inStore(() -> points.grant(member, new Points.Source(SourceType.POINT_TASK, UUID.randomUUID(), "签到"), 200,
                "t:b", "system"));
        at("2027-02-20T10:00:00+08:00");
        inStore(() -> points.redeem(member, 150, "洗车券", "t:r1", "staff"));
        assertThat(lots(member)).containsExactly(lot(100, 0, "2027-03-31"), lot(200, 150, "2027-04-30"));
        at("2027-03-05T10:00:00+08:00");
        inStore(() -> points.adjust(member, 300, "客诉补偿", "t:c", "staff"));
        at("2027-03-10T10:00:00+08:00");
        assertThat(inStore(expiry::expireDue)).isZero();
        inStore(expiry::remind);
        assertThat(reminders(member)).isEmpty();

        at("2027-04-05T10:00:00+08:00");
        inStore(expiry::remind);
        inStore(expiry::remind); // a second run reminds no one again
        assertThat(inStore(expiry::expireDue)).isZero();
        assertThat(reminders(member)).containsExactly("【M4S】您有150积分将于2027年4月30日到期，请在此之前到店或在车主App中使用。");
        assertThat(inStore(() -> policies.expiring(member, 12))).containsExactly(
                new PointsExpiryPolicies.Expiring(LocalDate.parse("2027-04-30"), 150),
                new PointsExpiryPolicies.Expiring(LocalDate.parse("2027-05-31"), 300));

        at("2027-04-20T10:00:00+08:00");
        inStore(() -> points.redeem(member, 100, "机油", "t:r2", "staff"));
        at("2027-04-30T23:59:00+08:00");
        assertThat(inStore(expiry::expireDue)).as("B lasts to the end of its day").isZero();
        at("2027-05-01T00:30:00+08:00");
        inStore(expiry::expireDue);
        assertThat(inStore(expiry::expireDue)).as("a repeated run").isZero();
        inStore(expiry::remind);
        assertThat(reminders(member)).hasSize(1);
        assertThat(lots(member)).containsExactly(lot(100, 0, "2027-03-31"), lot(200, 0, "2027-04-30"),
                lot(300, 300, "2027-05-31"));
        assertThat(inStore(() -> points.balance(member)))
                .isEqualTo(new Points.Balance(member, 300, 0, 200, 0));

        // a later policy change leaves the lots' dates alone; only new lots use it
        inStore(() -> policies.change(new PointsExpiryPolicies.NewPolicy(ExpiryPolicyKind.END_OF_NEXT_YEAR, null),
                null, "manager"));
        at("2027-05-02T10:00:00+08:00");
        UUID expired = expiryEntry(member);
        inStore(() -> points.reverseExpiry(member, expired, "客户投诉未收到提醒", "manager"));
        inStore(() -> points.reverseExpiry(member, expired, "客户投诉未收到提醒", "manager")); // the same: once
        assertThat(lots(member)).containsExactly(lot(100, 0, "2027-03-31"), lot(200, 0, "2027-04-30"),
                lot(300, 300, "2027-05-31"), lot(50, 50, "2027-07-31"));

        assertThat(entries(member)).containsExactly(
                new Row("ADJUST", 100, "STAFF_ADJUSTMENT", null),
                new Row("GRANT", 200, "POINT_TASK", "签到"),
                new Row("REDEEM", -150, "REDEMPTION", "洗车券"),
                new Row("ADJUST", 300, "STAFF_ADJUSTMENT", null),
                new Row("REDEEM", -100, "REDEMPTION", "机油"),
                new Row("EXPIRE", -50, "EXPIRY", "2027-04-30"),
                new Row("ADJUST", 50, "EXPIRY_REVERSAL", "2027-04-30"));
        assertThat(inStore(() -> points.balance(member))).as("lifetime earned: the grant only")
                .isEqualTo(new Points.Balance(member, 350, 0, 200, 0));
        assertLotsMatchBalances();
    }

    @Test
    void pointsThatPayADebtAreNoLotAndSpendingTakesTheOldestLotFirst() throws SQLException {
        UUID member = member("周欠分");
        clock.freeze();
        at("2027-06-01T10:00:00+08:00");
        inStore(() -> points.adjust(member, 100, "开卡赠送", "d:a", "staff"));
        UUID task = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        inStore(() -> points.grant(member, new Points.Source(SourceType.POINT_TASK, task, "保养"), order, 80, "d:g",
                "system"));
        // | what                         | entry                    | lot 1 | lot 2 | available | debt |
        // |------------------------------|--------------------------|------:|------:|----------:|-----:|
        // | staff add 100                | ADJUST +100              |   100 |       |       100 |    0 |
        // | task grant 80 (for an order) | GRANT +80                |   100 |    80 |       180 |    0 |
        // | redeem 150 (oldest first)    | REDEEM -150              |     0 |    30 |        30 |    0 |
        // | the order reversed: take 80  | REVERSE -30, debt +50    |     0 |     0 |         0 |   50 |
        // | staff add 200: 50 pay debt   | ADJUST +150, debt -50    |  lot 3: 150   |       150 |    0 |
        inStore(() -> points.redeem(member, 150, "轮胎", "d:r", "staff"));
        inStore(() -> points.takeBack(member, EntryKind.REVERSE, new Points.Source(SourceType.POINT_TASK, task, "保养"),
                order, 0, "d:t", "system"));
        assertThat(inStore(() -> points.balance(member))).isEqualTo(new Points.Balance(member, 0, 0, 0, 50));
        at("2027-06-02T10:00:00+08:00");
        inStore(() -> points.adjust(member, 200, "补偿", "d:b", "staff"));
        assertThat(lots(member)).extracting(Lot::points, Lot::remaining)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(100L, 0L),
                        org.assertj.core.groups.Tuple.tuple(80L, 0L), org.assertj.core.groups.Tuple.tuple(150L, 150L));
        assertThat(inStore(() -> points.balance(member))).isEqualTo(new Points.Balance(member, 150, 0, 0, 0));
        assertLotsMatchBalances();
    }

    @Test
    void staffSeeWhenAMembersPointsExpireAndRestoreAnExpiryOnceWithAReason() throws SQLException {
        UUID member = member("吴恢复");
        String m = BASE + "/members/" + member + "/points";
        Api.Response set = manager().put(BASE + "/points/rules/expiry-policy",
                Map.of("kind", "END_OF_MONTH_AFTER_N_MONTHS", "months", 1),
                Map.of("If-Match", "\"" + inStore(policies::current).version() + "\""));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(manager().post(m + "/adjustments", Map.of("points", 120, "reason", "活动赠送")).status())
                .isEqualTo(200);
        LocalDate endOfNextMonth = java.time.YearMonth.from(java.time.ZonedDateTime.now(
                java.time.ZoneId.of("Asia/Shanghai"))).plusMonths(1).atEndOfMonth();
        JsonNode expiring = manager().get(m + "/expiring").json();
        assertThat(expiring.path(0).path("on").asString()).isEqualTo(endOfNextMonth.toString());
        assertThat(expiring.path(0).path("points").asLong()).isEqualTo(120);

        // two days after that date the job expires the lot; then back on real time for signed-in calls
        clock.set(endOfNextMonth.plusDays(2).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        inStore(expiry::expireDue);
        clock.reset();
        UUID expired = expiryEntry(member);
        assertThat(manager().post(m + "/entries/" + UUID.randomUUID() + "/expiry-reversal",
                Map.of("reason", "误操作")).status()).isEqualTo(404);
        assertThat(manager().post(m + "/entries/" + expired + "/expiry-reversal", Map.of("reason", " ")).status())
                .isEqualTo(422);
        Api.Response restored = manager().post(m + "/entries/" + expired + "/expiry-reversal",
                Map.of("reason", "客户未收到提醒"));
        assertThat(restored.status()).as(restored.raw()).isEqualTo(200);
        assertThat(restored.json().path("balance").path("available").asLong()).isEqualTo(120);
        assertThat(manager().post(m + "/entries/" + expired + "/expiry-reversal", Map.of("reason", "再恢复一次"))
                .json().path("type").asString()).as("an expiry is restored once").endsWith("points-key-reused");
        assertThat(manager().get(m).json().path("available").asLong()).isEqualTo(120);
        LocalDate in90Days = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(Points.RESTORED_DAYS);
        assertThat(lots(member)).containsExactly(lot(120, 0, endOfNextMonth.toString()),
                lot(120, 120, in90Days.toString()));
        assertLotsMatchBalances();
    }

    /** The reminder asks the owner's consent: an owner who says no is not told; saying yes again, they are. */
    @Test
    void anOwnerWhoTurnsRemindersOffIsNotRemindedUntilTheyTurnThemOnAgain() throws SQLException {
        UUID member = member("郑免扰");
        String ownerLogin = TestUsers.owner("expiry-owner", STORE);
        try (Connection c = database.connect(); PreparedStatement u = c.prepareStatement("update store_" + STORE
                + ".member set owner_subject = ?, owner_username = ? where id = ?")) {
            u.setString(1, TestUsers.describe(ownerLogin).path("id").asString());
            u.setString(2, ownerLogin);
            u.setObject(3, member);
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
        Api owner = as(ownerLogin);
        String reminders = BASE + "/me/points/reminders";
        assertThat(owner.get(reminders).json().path("expiryReminders").asBoolean()).as("yes until they say no")
                .isTrue();
        Api.Response off = owner.put(reminders, Map.of("expiryReminders", false));
        assertThat(off.status()).as(off.raw()).isEqualTo(200);
        assertThat(owner.get(reminders).json().path("expiryReminders").asBoolean()).isFalse();
        assertThat(manager().put(reminders, Map.of("expiryReminders", true)).status()).as("the owner's own choice")
                .isEqualTo(403);
        assertThat(manager().get("/api/stores/" + STORE + "/audit?entityType=pointsReminderSetting").json()
                .path("content").findValuesAsString("action")).containsExactly("CREATE");

        Api.Response set = manager().put(BASE + "/points/rules/expiry-policy",
                Map.of("kind", "END_OF_MONTH_AFTER_N_MONTHS", "months", 1),
                Map.of("If-Match", "\"" + inStore(policies::current).version() + "\""));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        clock.freeze();
        at("2027-09-10T10:00:00+08:00");
        inStore(() -> points.adjust(member, 80, "回访礼", "t:consent", "staff"));
        // the lot ends 2027-10-31; 30 days before, the job looks
        at("2027-10-05T10:00:00+08:00");
        inStore(expiry::remind);
        assertThat(reminders(member)).as("turned off").isEmpty();

        clock.reset();
        assertThat(owner.put(reminders, Map.of("expiryReminders", true)).json().path("expiryReminders").asBoolean())
                .isTrue();
        at("2027-10-06T10:00:00+08:00");
        inStore(expiry::remind);
        inStore(expiry::remind);
        assertThat(reminders(member)).containsExactly("【M4S】您有80积分将于2027年10月31日到期，请在此之前到店或在车主App中使用。");
        clock.reset();
    }

    // --- helpers

    record Lot(long points, long remaining, String expiresOn) {
    }

    record Row(String kind, long available, String sourceType, String sourceRef) {
    }

    private static Lot lot(long points, long remaining, String expiresOn) {
        return new Lot(points, remaining, expiresOn);
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

    private List<Lot> lots(UUID member) throws SQLException {
        List<Lot> lots = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("select points, remaining,"
                + " expires_on from store_" + STORE + ".points_lot where member_id = ? order by earned_at, seq")) {
            s.setObject(1, member);
            ResultSet rs = s.executeQuery();
            while (rs.next()) {
                lots.add(new Lot(rs.getLong(1), rs.getLong(2), String.valueOf(rs.getObject(3, LocalDate.class))));
            }
        }
        return lots;
    }

    private UUID expiryEntry(UUID member) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("select id from store_"
                + STORE + ".points_entry where member_id = ? and kind = 'EXPIRE'")) {
            s.setObject(1, member);
            ResultSet rs = s.executeQuery();
            assertThat(rs.next()).isTrue();
            return rs.getObject(1, UUID.class);
        }
    }

    /** The member's entries, oldest first. */
    private List<Row> entries(UUID member) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("select kind,"
                + " available_delta, source_type, source_ref from store_" + STORE + ".points_entry"
                + " where member_id = ? order by created_at, id")) {
            s.setObject(1, member);
            ResultSet rs = s.executeQuery();
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
            }
        }
        return rows;
    }

    private List<String> reminders(UUID member) throws SQLException {
        List<String> bodies = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("select body from store_"
                + STORE + ".notification where member_id = ? and topic = 'points-expiring' order by created_at")) {
            s.setObject(1, member);
            ResultSet rs = s.executeQuery();
            while (rs.next()) {
                bodies.add(rs.getString(1));
            }
        }
        return bodies;
    }

    /** Every member: the lots' remainders sum to available; the balance is the sum of the entries. */
    private void assertLotsMatchBalances() throws SQLException {
        String schema = "store_" + STORE;
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("select b.id from "
                + schema + ".points_balance b left join (select member_id, sum(remaining) r from " + schema
                + ".points_lot group by member_id) l on l.member_id = b.id left join (select member_id,"
                + " sum(available_delta) a, sum(pending_delta) p, sum(debt_delta) d, sum(earned_delta) e from "
                + schema + ".points_entry group by member_id) x on x.member_id = b.id"
                + " where b.available <> coalesce(l.r, 0) or b.available <> coalesce(x.a, 0)"
                + " or b.pending <> coalesce(x.p, 0) or b.debt <> coalesce(x.d, 0)"
                + " or b.lifetime_earned <> coalesce(x.e, 0)")) {
            assertThat(s.executeQuery().next()).as("a balance differs from its lots or its entries").isFalse();
        }
    }

    private UUID member(String name) {
        Api.Response r = manager().post(BASE + "/members", Map.of("profile",
                Map.of("name", name, "phone", "1390000" + String.format("%04d", ++phones))));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return UUID.fromString(r.json().path("id").asString());
    }

    private Api manager() {
        return as(TestUsers.manager(GROUP, STORE));
    }
}
