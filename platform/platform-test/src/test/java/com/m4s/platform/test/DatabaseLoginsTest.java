package com.m4s.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.m4s.platform.migration.MigrationLogin;
import com.m4s.platform.migration.StoreSchemas;
import com.m4s.platform.servers.PostgresRoles;
import com.m4s.platform.tenancy.SchemaPerTenantConnectionProvider;
import com.m4s.platform.tenancy.Tenant;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The logins a test database gets are those of a deployment: stores are provisioned by the owner login, requests run
 * on the app login, and neither is a superuser. No service is started; this is the database alone.
 */
class DatabaseLoginsTest {

    private static final String PREFIX = "m4s_store_";
    private static TestPostgres.Database database;
    private static DriverManagerDataSource app;

    @BeforeAll
    static void twoStoresProvisionedByTheOwner() throws SQLException {
        database = TestPostgres.newDatabase();
        var owner = new DriverManagerDataSource(database.url(), "m4s_console_owner", database.loginPassword());
        app = new DriverManagerDataSource(database.url(), "m4s_console_app", database.loginPassword());
        // any changelog serves: the audit trail's is one a store schema includes
        var schemas = new StoreSchemas(new MigrationLogin(owner, "m4s_console_app"), "db/audit/001-audit-events.xml");
        schemas.provision(Tenant.of("logins_a", PREFIX));
        schemas.provision(Tenant.of("logins_b", PREFIX));
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("create table admin.logins_probe (id int)");
        }
    }

    @Test
    void aStoreConnectionThatResetsItsRoleIsLeftWithALoginThatReadsNoStoreAndNoOtherServicesSchema()
            throws SQLException {
        var provider = new SchemaPerTenantConnectionProvider(app, PREFIX);
        Connection c = provider.getConnection("logins_a");
        try (Statement s = c.createStatement()) {
            assertThat(single(s, "select count(*) from audit_event")).isEqualTo("0");

            s.execute("reset role");

            assertThat(single(s, "select current_user::text")).isEqualTo("m4s_console_app");
            assertThat(single(s, "select rolsuper::text from pg_roles where rolname = current_user")).isEqualTo("false");
            for (String store : List.of("logins_a", "logins_b")) {
                assertThatThrownBy(() -> s.executeQuery("select count(*) from store_" + store + ".audit_event"))
                        .hasMessageContaining("permission denied for schema store_" + store);
            }
            assertThatThrownBy(() -> s.executeQuery("select count(*) from admin.logins_probe"))
                    .hasMessageContaining("permission denied for schema admin");
            assertThatThrownBy(() -> s.execute("set role m4s_console_owner"))
                    .hasMessageContaining("permission denied to set role");
        } finally {
            provider.releaseConnection("logins_a", c);
        }
    }

    @Test
    void inATransactionAStoreConnectionIsTheStoreOnlyUntilTheTransactionEndsSoNothingIsLeftToReset()
            throws SQLException {
        List<Connection> lent = new ArrayList<>();
        var provider = new SchemaPerTenantConnectionProvider(new DelegatingDataSource(app) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection c = super.getConnection();
                lent.add(c);
                return c;
            }
        }, PREFIX);
        Connection c = provider.getConnection("logins_a");
        try {
            Connection pooled = lent.getFirst();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                assertThat(single(s, "select current_user || ' ' || current_setting('search_path')"))
                        .isEqualTo("m4s_store_logins_a store_logins_a");
                assertThat(single(s, "select count(*) from audit_event")).isEqualTo("0");
            }
            c.commit();
            // what the pool would get back: the login, in no store, without any reset having been sent
            assertThat(sessionOf(pooled)).isEqualTo("m4s_console_app \"$user\", public");

            // the next transaction on the same loan switches again, and a rollback ends it as well
            try (Statement s = c.createStatement()) {
                assertThat(single(s, "select current_user::text")).isEqualTo("m4s_store_logins_a");
                assertThatThrownBy(() -> s.executeQuery("select count(*) from store_logins_b.audit_event"))
                        .hasMessageContaining("permission denied for schema store_logins_b");
            }
            c.rollback();
            assertThat(sessionOf(pooled)).isEqualTo("m4s_console_app \"$user\", public");
        } finally {
            provider.releaseConnection("logins_a", c);
        }
        assertThat(lent.getFirst().isClosed()).isTrue();
    }

    @Test
    void outsideATransactionAStoreConnectionSwitchesTheSessionAndIsResetOnRelease() throws SQLException {
        try (Connection pooled = app.getConnection()) {
            // a pool's connection, which release gives back rather than closes
            var provider = new SchemaPerTenantConnectionProvider(
                    new org.springframework.jdbc.datasource.SingleConnectionDataSource(pooled, true), PREFIX);
            Connection c = provider.getConnection("logins_a");
            try (Statement s = c.createStatement()) {
                assertThat(single(s, "select count(*) from audit_event")).isEqualTo("0");
                assertThat(sessionOf(pooled)).isEqualTo("m4s_store_logins_a store_logins_a");
            } finally {
                provider.releaseConnection("logins_a", c);
            }
            assertThat(sessionOf(pooled)).isEqualTo("m4s_console_app \"$user\", public");

            // closed directly instead of through the provider: reset all the same, and a later release is harmless
            Connection closedDirectly = provider.getConnection("logins_a");
            try (Statement s = closedDirectly.createStatement()) {
                assertThat(single(s, "select current_user::text")).isEqualTo("m4s_store_logins_a");
            }
            closedDirectly.close();
            assertThat(sessionOf(pooled)).isEqualTo("m4s_console_app \"$user\", public");
            provider.releaseConnection("logins_a", closedDirectly);
            assertThat(pooled.isClosed()).isFalse();
        }
    }

    /** Role and search path of a connection, read on the connection itself (not through the store's wrapper). */
    private static String sessionOf(Connection pooled) throws SQLException {
        try (Statement s = pooled.createStatement()) {
            String session = single(s, "select current_user || ' ' || current_setting('search_path')");
            if (!pooled.getAutoCommit()) {
                pooled.rollback();
            }
            return session;
        }
    }

    @Test
    void storeTablesBelongToTheStoreRoleAndRunningTheBootstrapAgainChangesNothingOfThat() throws SQLException {
        try (Connection c = database.connect()) {
            PostgresRoles.ensure(c, PostgresRoles.standard(database.loginPassword(), database.loginPassword(),
                    database.loginPassword(), database.loginPassword()));
            try (Statement s = c.createStatement()) {
                assertThat(single(s, "select tableowner from pg_tables where schemaname = 'store_logins_a'"
                        + " and tablename = 'audit_event'")).isEqualTo("m4s_store_logins_a");
                assertThat(single(s, "select nspowner::regrole::text from pg_namespace where nspname = 'console'"))
                        .isEqualTo("m4s_console_owner");
                assertThat(single(s, "select count(*) from pg_roles where rolname like 'm4s\\_%\\_app'"
                        + " and (rolsuper or rolcreaterole or rolcreatedb or rolbypassrls)")).isEqualTo("0");
            }
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
