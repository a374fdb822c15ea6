package com.m4s.store.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.m4s.platform.tenancy.SchemaPerTenantConnectionProvider;
import com.m4s.platform.tenancy.TenancyProperties;
import com.m4s.store.support.StoreConsoleTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The service logs in as a role of its own that is no superuser: a statement that leaves the store's role
 * ({@code reset role}) is left with a login that can read no store's schema and no other service's schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseRolesTest extends StoreConsoleTest {

    private static final String A = "roles_a";
    private static final String B = "roles_b";

    @Autowired
    DataSource dataSource;

    @Autowired
    TenancyProperties tenancy;

    @BeforeAll
    void twoStoresAndAnotherServicesSchema() throws SQLException {
        provision(A);
        provision(B);
        api().post("/api/stores/" + B + "/members", Map.of("profile", Map.of("name", "乙店客户", "phone", "13500000001")));
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            // what tenant-admin keeps in the same database
            s.execute("create schema if not exists admin");
            s.execute("create table if not exists admin.roles_probe (id int primary key)");
        }
    }

    @Test
    void aConnectionOfStoreAThatResetsItsRoleCanReadNeitherStoreBNorAnotherServicesSchema() throws SQLException {
        var provider = new SchemaPerTenantConnectionProvider(dataSource, tenancy.rolePrefix());
        Connection c = provider.getConnection(A);
        try (Statement s = c.createStatement()) {
            s.execute("reset role");

            assertThat(single(s, "select rolsuper::text from pg_roles where rolname = current_user")).isEqualTo("false");
            assertThatThrownBy(() -> s.executeQuery("select count(*) from store_" + B + ".member"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied for schema store_" + B);
            assertThatThrownBy(() -> s.executeQuery("select count(*) from store_" + A + ".member"))
                    .hasMessageContaining("permission denied for schema store_" + A);
            assertThatThrownBy(() -> s.executeQuery("select count(*) from admin.roles_probe"))
                    .hasMessageContaining("permission denied for schema admin");
            assertThatThrownBy(() -> s.execute("set role m4s_console_owner"))
                    .hasMessageContaining("permission denied to set role");
            assertThatThrownBy(() -> s.execute("create role roles_escape login superuser"))
                    .hasMessageContaining("permission denied");
        } finally {
            provider.releaseConnection(A, c);
        }
    }

    @Test
    void migrationsRunAsOwnerRolesNotAsTheServicesLogin() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            assertThat(single(s, "select nspowner::regrole::text from pg_namespace where nspname = 'console'"))
                    .isEqualTo("m4s_console_owner");
            assertThat(single(s, "select tableowner from pg_tables where schemaname = 'console' and tablename = 'tenant'"))
                    .isEqualTo("m4s_console_owner");
            assertThat(single(s, "select tableowner from pg_tables where schemaname = 'store_" + A
                    + "' and tablename = 'member'")).isEqualTo("m4s_store_" + A);
        }
        try (Connection app = dataSource.getConnection(); Statement s = app.createStatement()) {
            assertThat(single(s, "select session_user::text")).isEqualTo("m4s_console_app");
            assertThatThrownBy(() -> s.execute("create table console.roles_probe (id int)"))
                    .hasMessageContaining("permission denied for schema console");
        }
    }

    @Test
    void onlyAStoresOwnRoleMayMarkEventsProcessedForThatStore() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("do $$ begin create role roles_stranger nologin; exception when duplicate_object then null; end $$");
            s.execute("set role roles_stranger");
            assertThatThrownBy(() -> s.executeUpdate(mark("store-console.probe", null)))
                    .isInstanceOf(SQLException.class);
            s.execute("reset role");

            s.execute("set role m4s_store_" + A);
            assertThatThrownBy(() -> s.executeUpdate(mark("store-console.probe", B)))
                    .hasMessageContaining("row-level security");
            assertThat(s.executeUpdate(mark("store-console.probe", A))).isEqualTo(1);
            assertThatThrownBy(() -> s.executeQuery("select count(*) from console.processed_event"))
                    .hasMessageContaining("permission denied for table processed_event");
            s.execute("reset role");
        }
    }

    private static String mark(String consumer, String store) {
        return "insert into console.processed_event (consumer, event_id, processed_at"
                + (store == null ? "" : ", store_code") + ") values ('" + consumer + "', '" + UUID.randomUUID()
                + "', now()" + (store == null ? "" : ", '" + store + "'") + ")";
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
