package com.m4s.store.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.m4s.platform.servers.Api;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.DriverProtocol;
import com.m4s.store.support.StoreConsoleTest;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A store's read-only transaction (decision 0001): its statements run as the store's role in its schema, cannot
 * write, read no other store, and leave nothing on the connection; a page of the member list takes two round trips
 * (the switch travels with the page's statement and the transaction's {@code BEGIN}; then {@code COMMIT}).
 *
 * <p>Also a guard for a shortcut that was tried and withdrawn: running read-only statements in auto-commit behind
 * {@code set_config(..., true)}, counting on the driver to send both as one implicit transaction. The driver puts a
 * {@code Sync} between two statements when the first's rows have no bounded size once the statement is described
 * (prepared by name with a parameter of unstated type, such as a timestamp, from the fifth run on a connection), so
 * the statement then ran without the store's schema. A statement like that, run many times, must still read its store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadOnlyTransactionsTest extends StoreConsoleTest {

    private static final String STORE = "ro_tx";
    private static final String OTHER = "ro_tx_other";

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TenantRegistry tenants;

    @BeforeAll
    void twoStoresWithMembers() {
        provision(STORE);
        provision(OTHER);
        Api.Response made = as(TestUsers.manager(GROUP, STORE)).post("/api/stores/" + STORE + "/members",
                Map.of("profile", Map.of("name", "只读客户", "phone", "13900007701")));
        assertThat(made.status()).as(made.raw()).isEqualTo(201);
        as(TestUsers.manager(GROUP, OTHER)).post("/api/stores/" + OTHER + "/members",
                Map.of("profile", Map.of("name", "别店客户", "phone", "13900007702")));
    }

    @Test
    void aPageOfTheMemberListIsTwoRoundTripsTheSwitchTravellingWithThePage() throws java.sql.SQLException {
        Api manager = as(TestUsers.manager(GROUP, STORE));
        assertThat(manager.get("/api/stores/" + STORE + "/members").status()).isEqualTo(200);
        // fresh connections: statements are sent with their text, so the trip shows what it carried
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();

        List<List<String>> trips;
        try (DriverProtocol protocol = DriverProtocol.record()) {
            Api.Response page = manager.get("/api/stores/" + STORE + "/members?q=只读");
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            assertThat(page.json().path("content").findValuesAsString("name")).containsExactly("只读客户");
            trips = protocol.tripsOfTheThreadThatSent("from member m");
        }
        // a pooled connection idle for over half a second is checked first (an empty query); a busy pool skips it
        List<List<String>> counted = trips.stream().filter(t -> !t.contains("Parse(query=\"\")")).toList();
        String report = String.join("\n", counted.stream().map(t -> String.join(" | ", t)).toList());
        assertThat(counted).as(report).hasSize(2);
        assertThat(String.join(" | ", counted.get(0))).as(report).contains("BEGIN")
                .contains("set local role " + tenant().role()).contains("from member m");
        assertThat(String.join(" | ", counted.get(1))).as(report).contains("COMMIT");
    }

    @Test
    void aStatementWithATimestampParameterReadsItsStoreEveryTimeItRuns() {
        // more runs than the pool has connections times the driver's prepare threshold (5): every connection
        // runs it described, by name
        // (text rows: no bounded size, which is what made the driver put a Sync in front)
        for (int i = 0; i < 120; i++) {
            List<String> names = readOnly(() -> jdbc.sql("select name from member where created_at >= :since")
                    .param("since", java.sql.Timestamp.from(java.time.Instant.parse("2000-01-01T00:00:00Z")))
                    .query(String.class).list());
            assertThat(names).as("run %d", i).containsExactly("只读客户");
        }
    }

    @Test
    void itReadsItsOwnStoreOnlyCannotWriteAndLeavesTheConnectionAsItFoundIt() {
        List<String> seen = readOnly(() -> {
            List<String> rows = new ArrayList<>();
            rows.add(jdbc.sql("select current_user").query(String.class).single());
            rows.add(jdbc.sql("select current_setting('transaction_read_only')").query(String.class).single());
            rows.addAll(jdbc.sql("select name from member").query(String.class).list());
            return rows;
        });
        assertThat(seen).containsExactly(tenant().role(), "on", "只读客户");

        assertThatThrownBy(() -> readOnly(() -> jdbc.sql("insert into member (id, name, phone, created_at, updated_at)"
                + " values (gen_random_uuid(), '写入', '13900007703', now(), now())").update()))
                .rootCause().hasMessageContaining("cannot execute INSERT in a read-only transaction");
        assertThatThrownBy(() -> readOnly(() -> jdbc.sql("select count(*) from " + other().schema() + ".member")
                .query(Long.class).single()))
                .rootCause().hasMessageContaining("permission denied for schema " + other().schema());

        // every pooled connection is back at the service's login, outside any store
        for (int i = 0; i < 5; i++) {
            assertThat(jdbc.sql("select current_user || ' ' || current_setting('search_path')"
                    + " || ' ' || current_setting('transaction_read_only')").query(String.class).single())
                    .doesNotContain(tenant().role()).doesNotContain(tenant().schema()).endsWith(" off");
        }
    }

    @Test
    void aCursorAndAStricterIsolationWorkTheSame() {
        List<String> names = readOnly(() -> jdbc.sql("select name from member").withFetchSize(1)
                .query(String.class).list());
        assertThat(names).containsExactly("只读客户");

        TransactionTemplate repeatable = new TransactionTemplate(transactions);
        repeatable.setReadOnly(true);
        repeatable.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        List<String> levels = TenantContext.supplyAs(tenant(), () -> repeatable.execute(status -> List.of(
                jdbc.sql("select current_setting('transaction_isolation')").query(String.class).single(),
                jdbc.sql("select current_user").query(String.class).single())));
        assertThat(levels).containsExactly("repeatable read", tenant().role());
    }

    private <T> T readOnly(Supplier<T> work) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        return TenantContext.supplyAs(tenant(), () -> template.execute(status -> work.get()));
    }

    private Tenant tenant() {
        return tenants.find(STORE).orElseThrow().tenant();
    }

    private Tenant other() {
        return tenants.find(OTHER).orElseThrow().tenant();
    }
}
