package com.m4s.store.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * 200 concurrent top-ups, spends and refunds on one wallet, one in ten sent a second time with the same
 * Idempotency-Key at the same time, the spends asking for more than the wallet can ever hold: the wallet never goes
 * negative, it equals the sum of its entries (the checker recomputes it), the total is what the answered operations
 * say, every spend refused was refused for want of money, and nothing was posted twice.
 */
class WalletConcurrencyTest extends StoreConsoleTest {

    private static final String STORE = "wal_c";
    private static final String BASE = "/api/stores/" + STORE;
    private static final int TOP_UPS = 60;
    private static final int SPENDS = 100;
    private static final int REFUNDS = 40;

    @Test
    void twoHundredConcurrentPostingsWithReplaysNeverGoNegativeAndPostNothingTwice() throws Exception {
        provision(STORE);
        Api manager = as(TestUsers.manager(GROUP, STORE));
        assertThat(manager.put(BASE + "/wallet/settings", Map.of("bonusTiers", List.of(Map.of("minTopUp", 100_000,
                "bonus", 10_000)), "cashOutApprovalAbove", 50_000)).status()).isEqualTo(200);
        Api.Response made = manager.post(BASE + "/members", Map.of("profile", Map.of("name", "并发钱包", "phone",
                "13600000001")));
        assertThat(made.status()).as(made.raw()).isEqualTo(201);
        String member = made.json().path("id").asString();
        String wallet = BASE + "/members/" + member + "/wallet";
        // 3000 yuan + 100 bonus, then 40 payments of 10 yuan to refund in the race
        assertThat(manager.post(wallet + "/top-ups", Map.of("amount", 300_000, "method", "CASH")).status())
                .isEqualTo(200);
        List<String> spends = new ArrayList<>();
        for (int i = 0; i < REFUNDS; i++) {
            Api.Response spent = manager.post(wallet + "/spends", Map.of("amount", 1_000, "description", "备件 " + i));
            assertThat(spent.status()).as(spent.raw()).isEqualTo(200);
            spends.add(spent.json().path("entryId").asString());
        }
        long before = 310_000 - REFUNDS * 1_000;

        record Op(String kind, String path, Object body, String key) {
        }
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < TOP_UPS; i++) {
            ops.add(new Op("TOP_UP", wallet + "/top-ups", Map.of("amount", 5_000, "method", "WECHAT_QR"),
                    UUID.randomUUID().toString()));
        }
        for (int i = 0; i < SPENDS; i++) {
            ops.add(new Op("SPEND", wallet + "/spends", Map.of("amount", 7_000, "description", "工时 " + i),
                    UUID.randomUUID().toString()));
        }
        for (String spend : spends) {
            ops.add(new Op("REFUND", wallet + "/entries/" + spend + "/refunds", Map.of("amount", 1_000, "reason",
                    "退件"), UUID.randomUUID().toString()));
        }
        Collections.shuffle(ops, new java.util.Random(7));
        assertThat(ops).hasSize(200);
        List<Op> sent = new ArrayList<>(ops);
        for (int i = 0; i < ops.size(); i += 10) {
            sent.add(ops.get(i)); // a replay: same key, same request, at the same time
        }
        Collections.shuffle(sent, new java.util.Random(42));

        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map.Entry<Op, Api.Response>>> futures = new ArrayList<>();
        try {
            for (Op op : sent) {
                Callable<Map.Entry<Op, Api.Response>> call = () -> {
                    start.await();
                    return Map.entry(op, manager.post(op.path(), op.body(), Map.of("Idempotency-Key", op.key())));
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            Map<String, List<Api.Response>> answers = new HashMap<>();
            for (Future<Map.Entry<Op, Api.Response>> f : futures) {
                Map.Entry<Op, Api.Response> answer = f.get();
                answers.computeIfAbsent(answer.getKey().key(), k -> new ArrayList<>()).add(answer.getValue());
            }
            long spent = 0;
            for (Op op : ops) {
                List<Api.Response> got = answers.get(op.key());
                Api.Response first = got.getFirst();
                if (op.kind().equals("SPEND") && first.status() == 409) {
                    assertThat(first.problemType()).as(first.raw()).isEqualTo("insufficient-wallet-balance");
                } else {
                    assertThat(first.status()).as(op.kind() + " " + first.raw()).isEqualTo(200);
                    if (op.kind().equals("SPEND")) {
                        spent++;
                    }
                }
                if (got.size() == 2) {
                    Api.Response second = got.get(1);
                    assertThat(second.status()).as("a replay answers as the first").isEqualTo(first.status());
                    if (first.status() == 200) {
                        assertThat(second.json().path("entryId").asString())
                                .isEqualTo(first.json().path("entryId").asString());
                    }
                }
            }
            assertThat(answers.values()).filteredOn(a -> a.size() == 2).hasSize(20);
            assertThat(spent).as("the spends can never all be paid").isLessThan(SPENDS).isPositive();
            long expected = before + TOP_UPS * 5_000L + REFUNDS * 1_000L - spent * 7_000L;

            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                String schema = "store_" + STORE;
                ResultSet b = s.executeQuery("select principal, bonus from " + schema + ".wallet_balance where id = '"
                        + member + "'");
                assertThat(b.next()).isTrue();
                assertThat(b.getLong(1)).isNotNegative();
                assertThat(b.getLong(2)).isNotNegative();
                assertThat(b.getLong(1) + b.getLong(2)).isEqualTo(expected);
                // the checker: the wallet against the sums of its entries
                WalletsTest.assertLedgerConsistent(STORE);
                // one entry per answered request: replays posted nothing
                ResultSet counts = s.executeQuery("select kind, count(*) from " + schema + ".wallet_entry group by"
                        + " kind");
                Map<String, Long> byKind = new HashMap<>();
                while (counts.next()) {
                    byKind.put(counts.getString(1), counts.getLong(2));
                }
                assertThat(byKind).containsExactlyInAnyOrderEntriesOf(Map.of("TOP_UP", 1L + TOP_UPS,
                        "SPEND", REFUNDS + spent, "REFUND", (long) REFUNDS));
                ResultSet twice = s.executeQuery("select refund_of from " + schema + ".wallet_entry where kind ="
                        + " 'REFUND' group by refund_of having sum(principal_delta + bonus_delta) <> 1000");
                assertThat(twice.next()).as("a payment refunded other than once").isFalse();
                ResultSet events = s.executeQuery("select count(*) from console.event_outbox where topic ="
                        + " 'm4s.wallet' and payload->>'memberId' = '" + member + "'");
                events.next();
                assertThat(events.getLong(1)).as("one event per entry").isEqualTo(1 + TOP_UPS + REFUNDS + spent
                        + REFUNDS);
                // and the entries cannot be changed afterwards, not even by the database's owner
                assertThatThrownBy(() -> s.executeUpdate("update " + schema + ".wallet_entry set principal_delta ="
                        + " principal_delta + 1")).hasMessageContaining("wallet entries are immutable");
                assertThatThrownBy(() -> s.executeUpdate("delete from " + schema + ".wallet_entry"))
                        .hasMessageContaining("wallet entries are immutable");
                assertThatThrownBy(() -> s.executeUpdate("update " + schema + ".wallet_balance set principal = -1"))
                        .hasMessageContaining("wallet_balance_principal_ck");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
