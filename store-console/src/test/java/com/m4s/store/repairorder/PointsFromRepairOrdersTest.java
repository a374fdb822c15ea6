package com.m4s.store.repairorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.jobs.StoreJob;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestClock;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Dual points from DMS repair orders (PTS-4/5, INT-1) through the API: each line earns by who pays it, under the
 * rule version in force at settlement; a refunded line takes back exactly its points; a correction the difference;
 * pending points become available when the refund window has passed on the store's clock; a take-back of spent
 * points becomes debt that the next points pay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointsFromRepairOrdersTest extends StoreConsoleTest {

    private static final String STORE = "pts_a";
    private static final String BASE = "/api/stores/" + STORE;

    @Autowired
    TestClock clock;
    @Autowired
    List<StoreJob> jobs;
    @Autowired
    TenantRegistry tenants;

    private int phones;

    @BeforeAll
    void store() {
        provision(STORE);
    }

    @Test
    void anOrderOnAllFourAccountTypesEarnsLineByLineAndALaterRuleChangeLeavesItAlone() {
        String member = member("王四帐");
        Instant settled = Instant.now().minus(1, ChronoUnit.HOURS);
        // default rules: customer 1 point per yuan, warranty 0.1, internal 0, insurance 0.5; floor per line
        JsonNode result = send(order("RO-4A", member, "SETTLED", settled,
                line(1, "LABOUR", "CUSTOMER", "99.99", false),
                line(2, "PART", "WARRANTY", "1239.00", false),
                line(3, "LABOUR", "INTERNAL", "500.00", false),
                line(4, "PART", "INSURANCE", "3001.50", false)));
        assertThat(result.path("outcome").asString()).isEqualTo("CREATED");
        assertThat(result.path("status").asString()).isEqualTo("SETTLED");

        JsonNode view = manager().get(BASE + "/repair-orders/" + result.path("repairOrderId").asString()).json();
        assertThat(linePoints(view)).containsExactly(99L, 123L, 0L, 1500L);
        assertThat(view.path("ruleVersion").asInt()).isEqualTo(1);
        assertThat(balance(member)).containsExactly(0L, 1722L, 1722L, 0L);

        JsonNode v2 = manager().post(BASE + "/points/rules/versions", Map.of("pointsPerYuan", Map.of("customer", "2",
                "warranty", "1", "internal", "1", "insurance", "1"), "activationDelayDays", 3)).json();
        assertThat(v2.path("ruleVersion").asInt()).isEqualTo(2);
        assertThat(manager().get(BASE + "/points/rules").json().path("ruleVersion").asInt()).isEqualTo(2);

        assertThat(send(order("RO-4A", member, "SETTLED", settled,
                line(1, "LABOUR", "CUSTOMER", "99.99", false),
                line(2, "PART", "WARRANTY", "1239.00", false),
                line(3, "LABOUR", "INTERNAL", "500.00", false),
                line(4, "PART", "INSURANCE", "3001.50", false))).path("outcome").asString()).isEqualTo("UNCHANGED");
        assertThat(linePoints(manager().get(BASE + "/repair-orders/" + view.path("id").asString()).json()))
                .containsExactly(99L, 123L, 0L, 1500L);
        JsonNode entries = manager().get(BASE + "/members/" + member + "/points/entries").json().path("content");
        assertThat(entries.size()).isEqualTo(3); // the internal line earned nothing, so it has no entry
        entries.forEach(e -> {
            assertThat(e.path("kind").asString()).isEqualTo("GRANT_PENDING");
            assertThat(e.path("ruleVersion").asInt()).isEqualTo(1);
            assertThat(e.path("sourceType").asString()).isEqualTo("REPAIR_ORDER_LINE");
            assertThat(e.path("sourceRef").asString()).startsWith("RO-4A#");
        });
        manager().post(BASE + "/points/rules/versions", Map.of("pointsPerYuan", Map.of("customer", "1",
                "warranty", "0.1", "internal", "0", "insurance", "0.5"), "activationDelayDays", 7));
    }

    @Test
    void aRefundOfOneLineTakesBackExactlyItsPointsAndACorrectionTheDifferenceWithAnEventForEachMove()
            throws SQLException {
        String member = member("李退款");
        Instant settled = Instant.now().minus(1, ChronoUnit.HOURS);
        String id = send(order("RO-RF", member, "OPEN", null, line(1, "LABOUR", "CUSTOMER", "300.00", false),
                line(2, "PART", "CUSTOMER", "200.00", false))).path("repairOrderId").asString();
        assertThat(balance(member)).containsExactly(0L, 0L, 0L, 0L);

        send(order("RO-RF", member, "SETTLED", settled, line(1, "LABOUR", "CUSTOMER", "300.00", false),
                line(2, "PART", "CUSTOMER", "200.00", false)));
        assertThat(balance(member)).containsExactly(0L, 500L, 500L, 0L);

        JsonNode refunded = send(order("RO-RF", member, "SETTLED", settled,
                line(1, "LABOUR", "CUSTOMER", "300.00", false), line(2, "PART", "CUSTOMER", "200.00", true)));
        assertThat(refunded.path("status").asString()).isEqualTo("REFUNDED");
        assertThat(balance(member)).containsExactly(0L, 300L, 300L, 0L);

        JsonNode corrected = send(order("RO-RF", member, "SETTLED", settled,
                line(1, "LABOUR", "CUSTOMER", "350.00", false), line(2, "PART", "CUSTOMER", "200.00", true)));
        assertThat(corrected.path("outcome").asString()).isEqualTo("UPDATED");
        assertThat(balance(member)).containsExactly(0L, 350L, 350L, 0L);
        assertThat(linePoints(manager().get(BASE + "/repair-orders/" + id).json())).containsExactly(350L, 0L);

        assertThat(eventTypes(id)).containsExactly("RepairOrderOpened", "RepairOrderSettled", "RepairOrderRefunded",
                "RepairOrderCorrected");
        assertThat(kinds(member)).containsExactly("CORRECT", "REFUND", "GRANT_PENDING", "GRANT_PENDING");
    }

    @Test
    void pendingPointsBecomeAvailableAfterTheRefundWindowAndASpentReversalBecomesDebtTheNextPointsPay() {
        String member = member("赵欠分");
        // settled seven days less two minutes ago: the refund window (7 days) ends in two minutes; the clock moves
        // by minutes only, so the tokens of the calls stay valid (decision 0015)
        Instant settled = clock.instant().minus(Duration.ofDays(7)).plus(Duration.ofMinutes(2));
        send(order("RO-ACT", member, "SETTLED", settled, line(1, "LABOUR", "CUSTOMER", "1000.00", false)));
        assertThat(balance(member)).containsExactly(0L, 1000L, 1000L, 0L);

        runActivation();
        assertThat(balance(member)).as("within the refund window").containsExactly(0L, 1000L, 1000L, 0L);
        clock.advance(Duration.ofMinutes(3));
        runActivation();
        runActivation(); // a repeated run activates nothing twice
        assertThat(balance(member)).containsExactly(1000L, 0L, 1000L, 0L);

        Api.Response redeemed = manager().post(BASE + "/members/" + member + "/points/redemptions",
                Map.of("points", 800, "what", "机油保养套餐"));
        assertThat(redeemed.status()).as(redeemed.raw()).isEqualTo(200);
        assertThat(manager().post(BASE + "/members/" + member + "/points/redemptions",
                Map.of("points", 800, "what", "再来一次")).json().path("type").asString())
                .endsWith("insufficient-points");

        send(order("RO-ACT", member, "REVERSED", settled, line(1, "LABOUR", "CUSTOMER", "1000.00", false)));
        assertThat(balance(member)).containsExactly(0L, 0L, 0L, 800L);

        Api.Response adjusted = manager().post(BASE + "/members/" + member + "/points/adjustments",
                Map.of("points", 1000, "reason", "客诉补偿"));
        assertThat(adjusted.status()).as(adjusted.raw()).isEqualTo(200);
        assertThat(balance(member)).containsExactly(200L, 0L, 0L, 0L);
        assertThat(kinds(member)).containsExactly("ADJUST", "REVERSE", "REDEEM", "ACTIVATE", "GRANT_PENDING");
        assertThat(manager().post(BASE + "/members/" + member + "/points/adjustments",
                Map.of("points", 10, "reason", " ")).status()).isEqualTo(422);
    }

    @Test
    void theOwnerSeesTheirOwnPointsWithSourcesAndNoOneElsesAndMayNotAdjustThem() throws SQLException {
        String member = member("钱车主");
        String ownerLogin = TestUsers.owner("pts-owner", STORE);
        try (Connection c = database.connect(); PreparedStatement u = c.prepareStatement("update store_" + STORE
                + ".member set owner_subject = ?, owner_username = ? where id = ?")) {
            u.setString(1, TestUsers.describe(ownerLogin).path("id").asString());
            u.setString(2, ownerLogin);
            u.setObject(3, UUID.fromString(member));
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
        send(order("RO-OWN", member, "SETTLED", Instant.now().minus(1, ChronoUnit.HOURS),
                line(1, "PART", "INSURANCE", "801.00", false)));
        Api owner = as(ownerLogin);

        JsonNode mine = owner.get(BASE + "/me/points").json();
        assertThat(mine.path("memberId").asString()).isEqualTo(member);
        assertThat(mine.path("pending").asLong()).isEqualTo(400);
        JsonNode history = owner.get(BASE + "/me/points/entries").json();
        assertThat(history.path("totalElements").asLong()).isEqualTo(1);
        assertThat(history.path("content").get(0).path("sourceRef").asString()).isEqualTo("RO-OWN#1");
        assertThat(owner.get(BASE + "/points/rules").json().path("pointsPerYuan").path("insurance").asDouble())
                .isEqualTo(0.5);
        assertThat(owner.get(BASE + "/members/" + member + "/points").status()).isEqualTo(403);
        assertThat(owner.post(BASE + "/members/" + member + "/points/adjustments",
                Map.of("points", 100, "reason", "自己加分")).status()).isEqualTo(403);
    }

    // --- helpers

    private Api manager() {
        return as(TestUsers.manager(GROUP, STORE));
    }

    /** The per-store job's run for the store, as the runner makes it (synchronously, so the test knows it ran). */
    private void runActivation() {
        StoreJob job = jobs.stream().filter(j -> j.name().equals("points-activation")).findFirst().orElseThrow();
        com.m4s.platform.tenancy.Tenant tenant = tenants.find(STORE).orElseThrow().tenant();
        TenantContext.runAs(tenant, () -> {
            try {
                job.run(tenant);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private JsonNode send(Map<String, Object> order) {
        Api.Response r = manager().post(BASE + "/repair-orders/batch", Map.of("orders", List.of(order)));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode result = r.json().path("orders").get(0);
        assertThat(result.path("outcome").asString()).as(r.raw()).isNotEqualTo("REJECTED");
        return result;
    }

    static Map<String, Object> order(String number, String member, String status, Instant settledAt,
            Map<?, ?>... lines) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("dmsNumber", number);
        order.put("memberId", member);
        order.put("plate", "粤A12345");
        order.put("advisor", "周顾问");
        order.put("mileageKm", 42_000);
        order.put("openedAt", "2026-11-01T02:00:00Z");
        order.put("status", status);
        order.put("settledAt", settledAt == null ? null : settledAt.toString());
        order.put("lines", List.of(lines));
        return order;
    }

    static Map<String, Object> line(int no, String kind, String account, String amount, boolean refunded) {
        return Map.of("lineNo", no, "kind", kind, "description", kind.equals("LABOUR") ? "保养工时" : "机油滤清器",
                "quantity", "1", "amount", Map.of("amount", amount, "currency", "CNY"), "accountType", account,
                "refunded", refunded);
    }

    private String member(String name) {
        String phone = "1390000" + String.format("%04d", ++phones);
        Api.Response r = manager().post(BASE + "/members", Map.of("profile", Map.of("name", name, "phone", phone)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    /** available, pending, lifetime earned, debt */
    private List<Long> balance(String member) {
        JsonNode b = manager().get(BASE + "/members/" + member + "/points").json();
        return List.of(b.path("available").asLong(), b.path("pending").asLong(), b.path("lifetimeEarned").asLong(),
                b.path("debt").asLong());
    }

    private static List<Long> linePoints(JsonNode view) {
        List<Long> points = new ArrayList<>();
        view.path("lines").forEach(l -> points.add(l.path("points").asLong()));
        return points;
    }

    private List<String> kinds(String member) {
        List<String> kinds = new ArrayList<>();
        manager().get(BASE + "/members/" + member + "/points/entries").json().path("content")
                .forEach(e -> kinds.add(e.path("kind").asString()));
        return kinds;
    }

    private List<String> eventTypes(String repairOrderId) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement q = c.prepareStatement("select event_type from"
                + " console.event_outbox where payload->>'repairOrderId' = ? order by id")) {
            q.setString(1, repairOrderId);
            List<String> types = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
            return types;
        }
    }

    static UUID uuid(String s) {
        return UUID.fromString(s);
    }
}
