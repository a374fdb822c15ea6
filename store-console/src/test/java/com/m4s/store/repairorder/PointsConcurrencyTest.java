package com.m4s.store.repairorder;

import static com.m4s.store.repairorder.PointsFromRepairOrdersTest.line;
import static com.m4s.store.repairorder.PointsFromRepairOrdersTest.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * 200 concurrent settlements, refunds, redemptions and adjustments on four members, one in ten sent twice with the
 * same Idempotency-Key at the same time: every balance row equals the sum of its member's entries (a checker
 * recomputes them), the totals are what the operations say, no available balance is negative, and nothing was
 * posted twice.
 */
class PointsConcurrencyTest extends StoreConsoleTest {

    private static final String STORE = "pts_c";
    private static final String BASE = "/api/stores/" + STORE;
    private static final int MEMBERS = 4;
    private static final int PER_KIND = 10;
    private static final int REDEEM = 30;

    @Test
    void twoHundredConcurrentPostingsWithReplaysConserveEveryPointAndPostNothingTwice() throws Exception {
        provision(STORE);
        Api manager = as(TestUsers.manager(GROUP, STORE));
        Instant longAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        List<String> members = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            Api.Response r = manager.post(BASE + "/members", Map.of("profile",
                    Map.of("name", "并发" + m, "phone", "1380000" + String.format("%04d", m))));
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            members.add(r.json().path("id").asString());
        }
        // each member: 10 open orders to settle, 10 settled ones (200 points pending each) to refund a line of
        List<Map<String, Object>> setup = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            for (int k = 0; k < PER_KIND; k++) {
                setup.add(order("S-" + m + "-" + k, members.get(m), "OPEN", null,
                        line(1, "LABOUR", "CUSTOMER", "100.00", false), line(2, "PART", "CUSTOMER", "100.00", false)));
                setup.add(order("R-" + m + "-" + k, members.get(m), "SETTLED", longAgo,
                        line(1, "LABOUR", "CUSTOMER", "100.00", false), line(2, "PART", "CUSTOMER", "100.00", false)));
            }
        }
        Api.Response prepared = manager.post(BASE + "/repair-orders/batch", Map.of("orders", setup));
        assertThat(prepared.status()).as(prepared.raw()).isEqualTo(200);
        assertThat(prepared.raw()).doesNotContain("REJECTED");
        // and 1000 available from a manual grant, so redemptions and deductions have points to take
        for (String member : members) {
            assertThat(manager.post(BASE + "/members/" + member + "/points/adjustments",
                    Map.of("points", 1000, "reason", "开户赠送")).status()).isEqualTo(200);
        }

        record Op(String path, Object body, String key) {
        }
        List<Op> ops = new ArrayList<>();
        Map<String, Long> expected = new HashMap<>();
        for (int m = 0; m < MEMBERS; m++) {
            String member = members.get(m);
            long total = 1000 + PER_KIND * 200; // the grant and the refund orders' pending points
            for (int k = 0; k < PER_KIND; k++) {
                ops.add(new Op(BASE + "/repair-orders/batch", Map.of("orders", List.of(order("S-" + m + "-" + k,
                        member, "SETTLED", longAgo, line(1, "LABOUR", "CUSTOMER", "100.00", false),
                        line(2, "PART", "CUSTOMER", "100.00", false)))), UUID.randomUUID().toString()));
                ops.add(new Op(BASE + "/repair-orders/batch", Map.of("orders", List.of(order("R-" + m + "-" + k,
                        member, "SETTLED", longAgo, line(1, "LABOUR", "CUSTOMER", "100.00", false),
                        line(2, "PART", "CUSTOMER", "100.00", true)))), UUID.randomUUID().toString()));
                total += 200 - 100;
            }
            for (int k = 0; k < 15; k++) {
                ops.add(new Op(BASE + "/members/" + member + "/points/redemptions",
                        Map.of("points", REDEEM, "what", "洗车券"), UUID.randomUUID().toString()));
                long delta = k % 3 == 0 ? -20 : 25;
                ops.add(new Op(BASE + "/members/" + member + "/points/adjustments",
                        Map.of("points", delta, "reason", "并发调整 " + k), UUID.randomUUID().toString()));
                total += delta - REDEEM;
            }
            expected.put(member, total);
        }
        assertThat(ops).hasSize(200);
        List<Op> sent = new ArrayList<>(ops);
        for (int i = 0; i < ops.size(); i += 10) {
            sent.add(ops.get(i)); // a replay: same key, same request, at the same time
        }
        Collections.shuffle(sent, new java.util.Random(42));

        List<Callable<Map.Entry<String, Api.Response>>> calls = new ArrayList<>();
        for (Op op : sent) {
            calls.add(() -> Map.entry(op.key(), manager.post(op.path(), op.body(), Map.of("Idempotency-Key",
                    op.key()))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        Map<String, List<String>> answers = new HashMap<>();
        try {
            for (Future<Map.Entry<String, Api.Response>> f : pool.invokeAll(calls)) {
                Map.Entry<String, Api.Response> answer = f.get();
                assertThat(answer.getValue().status()).as(answer.getValue().raw()).isEqualTo(200);
                assertThat(answer.getValue().raw()).doesNotContain("REJECTED");
                answers.computeIfAbsent(answer.getKey(), k -> new ArrayList<>()).add(answer.getValue().raw());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers.values()).filteredOn(a -> a.size() == 2).hasSize(20)
                .allSatisfy(a -> assertThat(a.get(1)).isEqualTo(a.get(0)));

        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            String schema = "store_" + STORE;
            // the checker: every balance row against the sums of its member's entries
            ResultSet mismatched = s.executeQuery("select b.id from " + schema + ".points_balance b left join ("
                    + " select member_id, sum(available_delta) a, sum(pending_delta) p, sum(debt_delta) d,"
                    + " sum(earned_delta) e from " + schema + ".points_entry group by member_id) x on x.member_id = b.id"
                    + " where b.available <> coalesce(x.a, 0) or b.pending <> coalesce(x.p, 0)"
                    + " or b.debt <> coalesce(x.d, 0) or b.lifetime_earned <> coalesce(x.e, 0)");
            assertThat(mismatched.next()).as("a balance differs from its entries").isFalse();
            // and the lots (decision 0039): their remainders sum to each member's available points
            ResultSet lotsOff = s.executeQuery("select b.id from " + schema + ".points_balance b left join ("
                    + " select member_id, sum(remaining) r from " + schema + ".points_lot group by member_id) l"
                    + " on l.member_id = b.id where b.available <> coalesce(l.r, 0)");
            assertThat(lotsOff.next()).as("a balance differs from its lots").isFalse();
            for (String member : members) {
                ResultSet b = s.executeQuery("select available, pending, debt from " + schema
                        + ".points_balance where id = '" + member + "'");
                assertThat(b.next()).isTrue();
                assertThat(b.getLong(1)).isNotNegative();
                assertThat(b.getLong(1) + b.getLong(2) - b.getLong(3)).as(member).isEqualTo(expected.get(member));
            }
            // nothing posted twice: one grant per line, one refund per refunded line, one entry per request
            ResultSet twice = s.executeQuery("select source_id, kind, count(*) from " + schema + ".points_entry"
                    + " where source_id is not null group by source_id, kind having count(*) > 1");
            assertThat(twice.next()).as("a line with two entries of one kind").isFalse();
            ResultSet counts = s.executeQuery("select kind, count(*) from " + schema + ".points_entry group by kind"
                    + " order by kind");
            Map<String, Long> byKind = new HashMap<>();
            while (counts.next()) {
                byKind.put(counts.getString(1), counts.getLong(2));
            }
            assertThat(byKind).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "GRANT_PENDING", (long) MEMBERS * PER_KIND * 4, // 2 lines of the settled and of the refund orders
                    "REFUND", (long) MEMBERS * PER_KIND,
                    "REDEEM", (long) MEMBERS * 15,
                    "ADJUST", (long) MEMBERS * (15 + 1)));
            // and the entries cannot be changed afterwards, not even by the database's owner
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate("update " + schema
                    + ".points_entry set available_delta = available_delta + 1"))
                    .hasMessageContaining("points entries are immutable");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate("delete from " + schema
                    + ".points_entry")).hasMessageContaining("points entries are immutable");
        }
    }


}
