package com.m4s.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.m4s.platform.migration.MigrationLogin;
import com.m4s.platform.migration.StoreSchemas;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.test.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A store's idempotency records are written as the store's role, the role switch sent with the statement: the pooled
 * connection is the app login again after every call, and a failed call discards it rather than hand it back with the
 * store's role possibly still set.
 */
class IdempotencyRecordsInAStoreTest {

    private static final String PREFIX = "m4s_store_";
    private static final Tenant STORE = Tenant.of("records_a", PREFIX);
    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private static TestPostgres.Database database;
    private static DriverManagerDataSource app;

    @BeforeAll
    static void aStoreWithItsRecordTable() {
        database = TestPostgres.newDatabase();
        var owner = new DriverManagerDataSource(database.url(), "m4s_console_owner", database.loginPassword());
        app = new DriverManagerDataSource(database.url(), "m4s_console_app", database.loginPassword());
        new StoreSchemas(new MigrationLogin(owner, "m4s_console_app"), "db/idempotency/001-idempotency-records.xml")
                .provision(STORE);
    }

    @Test
    void claimFindAndCompleteWriteTheStoresTableAndLeaveTheConnectionAsTheLogin() throws SQLException {
        try (Connection pooled = app.getConnection()) {
            var records = new IdempotencyRecords(new SingleConnectionDataSource(pooled, true), null);
            UUID claim = UUID.randomUUID();

            TenantContext.runAs(STORE, () -> {
                assertThat(records.claim("staff-1", "k1", "f".repeat(64), claim, NOW, NOW.plus(1, ChronoUnit.DAYS)))
                        .isTrue();
                assertThat(sessionOf(pooled)).isEqualTo("m4s_console_app \"$user\", public");
                assertThat(records.claim("staff-1", "k1", "f".repeat(64), UUID.randomUUID(), NOW, NOW)).isFalse();
                assertThat(records.find("staff-1", "k1")).get()
                        .satisfies(row -> {
                            assertThat(row.state()).isEqualTo(IdempotencyRecords.State.IN_FLIGHT);
                            assertThat(row.claimId()).isEqualTo(claim);
                        });
                records.complete("staff-1", "k1", claim,
                        new IdempotencyRecords.Answer(201, "application/json", "/x/1", "{\"id\":1}".getBytes()), NOW);
                assertThat(records.find("staff-1", "k1")).get()
                        .satisfies(row -> assertThat(row.answer().status()).isEqualTo(201));
                records.release("staff-1", "k1", UUID.randomUUID()); // another claim's id: nothing removed
                assertThat(records.find("staff-1", "k1")).isPresent();
                records.release("staff-1", "k1", claim);
                assertThat(records.find("staff-1", "k1")).isEmpty();
                assertThat(sessionOf(pooled)).isEqualTo("m4s_console_app \"$user\", public");
            });
            try (Statement s = pooled.createStatement()) {
                assertThatThrownBy(() -> s.executeQuery("select count(*) from store_records_a.idempotency_record"))
                        .hasMessageContaining("permission denied for schema store_records_a");
            }
        }
    }

    @Test
    void aFailedStatementDiscardsTheConnection() throws SQLException {
        Connection pooled = app.getConnection();
        var records = new IdempotencyRecords(new SingleConnectionDataSource(pooled, true), null);

        TenantContext.runAs(STORE, () -> assertThatThrownBy(() ->
                records.claim("staff-1", "k2", "too long for the column".repeat(10), UUID.randomUUID(), NOW, NOW))
                .isInstanceOf(DataAccessResourceFailureException.class)
                .hasMessageContaining("value too long"));

        assertThat(pooled.isClosed()).isTrue();
    }

    private static String sessionOf(Connection pooled) {
        try (Statement s = pooled.createStatement();
                ResultSet r = s.executeQuery("select current_user || ' ' || current_setting('search_path')")) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
