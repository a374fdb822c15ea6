package com.m4s.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.migration.MigrationLogin;
import com.m4s.platform.migration.StoreSchemas;
import com.m4s.platform.test.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A pooled connection serves one store after another, and a keyed request switches its session to the store and
 * back around its record; none of that may make the JDBC driver forget the statements it has prepared on the
 * connection. It did: the driver reads a {@code SET}/{@code RESET} of {@code search_path} with a text other than the
 * last one it saw as a change of schema and drops every prepared statement, so with the stores' switches alternating
 * every statement of a posting was parsed and planned anew at every call (decision 0001, "Prepared statements").
 */
class PreparedStatementsAcrossStoresTest {

    private static final String PREFIX = "m4s_store_";
    private static final String QUERY = "select current_schema() || ' ' || count(*) from audit_event where action <> ?";
    private static TestPostgres.Database database;

    @BeforeAll
    static void twoStoresWithTwoAndThreeAuditRows() throws SQLException {
        database = TestPostgres.newDatabase();
        var owner = new DriverManagerDataSource(database.url(), "m4s_console_owner", database.loginPassword());
        var schemas = new StoreSchemas(new MigrationLogin(owner, "m4s_console_app"), "db/audit/001-audit-events.xml");
        schemas.provision(Tenant.of("prep_a", PREFIX));
        schemas.provision(Tenant.of("prep_b", PREFIX));
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String store : List.of("prep_a", "prep_a", "prep_b", "prep_b", "prep_b")) {
                s.execute("insert into store_" + store + ".audit_event (id, occurred_at, actor_subject, actor_name,"
                        + " actor_role, action, entity_type, entity_id, changes) values (gen_random_uuid(), now(),"
                        + " 's', 'n', 'r', 'CREATE', 'probe', '1', '{}')");
            }
        }
    }

    @Test
    void aStatementStaysPreparedOnItsConnectionWhicheverStoreRunsItNext() throws SQLException {
        int runs = 12;
        try (Connection pooled = DriverManager.getConnection(database.url(), "m4s_console_app",
                database.loginPassword())) {
            var provider = new SchemaPerTenantConnectionProvider(new SingleConnectionDataSource(pooled, true), PREFIX);
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                String store = i % 2 == 0 ? "prep_a" : "prep_b";
                // a keyed request's record first, as the idempotency filter keeps it: the session switched to the
                // store and reset around one statement
                try (Statement s = pooled.createStatement()) {
                    s.execute(SchemaPerTenantConnectionProvider.enterStatement(Tenant.of(store, PREFIX)) + "; "
                            + SchemaPerTenantConnectionProvider.LEAVE_STATEMENT);
                }
                Connection c = provider.getConnection(store);
                c.setAutoCommit(false);
                // the transaction's first statement carries the store's switch in front (its text is the store's)
                try (PreparedStatement first = c.prepareStatement("select 1");
                        ResultSet r = first.executeQuery()) {
                    assertThat(r.next()).isTrue();
                }
                try (PreparedStatement p = c.prepareStatement(QUERY)) {
                    p.setString(1, "NONE");
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        seen.add(r.getString(1));
                    }
                }
                c.commit();
                provider.releaseConnection(store, c);
            }

            // each run read its own store's table, the named statement re-resolved by the server at each switch
            assertThat(seen).containsExactly("store_prep_a 2", "store_prep_b 3", "store_prep_a 2", "store_prep_b 3",
                    "store_prep_a 2", "store_prep_b 3", "store_prep_a 2", "store_prep_b 3", "store_prep_a 2",
                    "store_prep_b 3", "store_prep_a 2", "store_prep_b 3");
            // and it stayed prepared: the driver sends it unnamed four times, then prepares it once and runs it by
            // name from then on (before, it was prepared again at every run and ran by name once)
            try (Statement s = pooled.createStatement();
                    ResultSet r = s.executeQuery("select generic_plans + custom_plans from pg_prepared_statements"
                            + " where statement like '%from audit_event where action%'")) {
                List<Long> byName = new ArrayList<>();
                while (r.next()) {
                    byName.add(r.getLong(1));
                }
                assertThat(byName).containsExactly((long) runs - 4);
            }
        }
    }
}
