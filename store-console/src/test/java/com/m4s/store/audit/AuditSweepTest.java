package com.m4s.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.test.StoreWriteLog;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The check behind "every store write is audited" (run after every store-console test class) sees writes that
 * bypass the application's audit, and is satisfied by writes that go through it.
 */
class AuditSweepTest extends StoreConsoleTest {

    private static final String STORE = "sweep_store";

    @Test
    void aWriteAsTheStoreRoleWithoutAnAuditEntryIsReportedAndAnAuditedOneIsNot() throws Exception {
        provision(STORE);
        StoreWriteLog.unaudited(); // start from a clean slate
        Map<String, Object> member = Map.of("profile", Map.of("name", "审计清扫", "phone", "13600000001"));
        assertThat(as(TestUsers.manager(GROUP, STORE)).post("/api/stores/" + STORE + "/members", member).status())
                .isEqualTo(201);
        UUID sneaky = UUID.randomUUID();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("set role m4s_store_" + STORE);
            s.executeUpdate("insert into store_" + STORE + ".member (id, name, phone, created_at, updated_at, version)"
                    + " values ('" + sneaky + "', '绕过审计', '13600000002', now(), now(), 0)");
            s.execute("reset role");
        }

        var missing = StoreWriteLog.unaudited();

        assertThat(missing).extracting(StoreWriteLog.Write::rowId).containsExactly(sneaky.toString());
        assertThat(missing.getFirst().table()).isEqualTo("member");
        assertThat(missing.getFirst().operation()).isEqualTo("INSERT");
    }

    /**
     * A ledger's balance is audited through the entry that moved it: a posting through the API passes, and the
     * same balance changed in a transaction with no audited entry is reported.
     */
    @Test
    void aDerivedRowPassesWithItsAuditedEntryAndIsReportedWithout() throws Exception {
        provision(STORE);
        assertThat(DERIVED_TABLES).containsExactlyInAnyOrder("points_balance", "points_lot", "wallet_balance");
        var manager = as(TestUsers.manager(GROUP, STORE));
        var made = manager.post("/api/stores/" + STORE + "/members",
                Map.of("profile", Map.of("name", "审计余额", "phone", "13600000003")));
        assertThat(made.status()).isEqualTo(201);
        String member = made.json().path("id").asString();
        StoreWriteLog.unaudited(DERIVED_TABLES); // start from a clean slate
        var added = manager.post("/api/stores/" + STORE + "/members/" + member + "/points/adjustments",
                Map.of("points", 20, "reason", "审计余额"), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        assertThat(StoreWriteLog.unaudited(DERIVED_TABLES)).as("the posting's entry, lot and balance").isEmpty();

        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("set role m4s_store_" + STORE);
            s.executeUpdate("update store_" + STORE + ".points_balance set available = available + 5 where id = '"
                    + member + "'");
            s.execute("reset role");
        }

        var missing = StoreWriteLog.unaudited(DERIVED_TABLES);
        assertThat(missing).extracting(StoreWriteLog.Write::table, StoreWriteLog.Write::rowId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("points_balance", member));
    }
}
