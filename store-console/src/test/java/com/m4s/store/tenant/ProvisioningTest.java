package com.m4s.store.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.m4s.platform.servers.Api;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.test.TestKeycloak;
import com.m4s.platform.time.StoreTime;
import com.m4s.store.StoreConsoleApplication;
import com.m4s.store.support.StoreConsoleTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class ProvisioningTest extends StoreConsoleTest {

    @Autowired
    TenantRegistry registry;
    @Autowired
    StoreTime storeTime;

    @Test
    void provisioningCreatesTheSchemaWithItsTablesOwnedByTheStoreRole() throws SQLException {
        provision("prov_one");

        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("""
                    select table_name from information_schema.tables
                    where table_schema = 'store_prov_one' order by table_name""");
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            assertThat(tables).contains("member", "vehicle", "databasechangelog");
            ResultSet owner = s.executeQuery("select tableowner from pg_tables where schemaname = 'store_prov_one'"
                    + " and tablename = 'member'");
            owner.next();
            assertThat(owner.getString(1)).isEqualTo("m4s_store_prov_one");
        }
    }

    @Test
    void aStoreRoleCannotReadAnotherStoresSchema() throws SQLException {
        provision("iso_a");
        provision("iso_b");
        api().post("/api/stores/iso_b/members", Map.of("profile", Map.of("name", "乙", "phone", "13300000001")));

        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("set role m4s_store_iso_a");
            ResultSet own = s.executeQuery("select count(*) from store_iso_a.member");
            own.next();
            assertThat(own.getLong(1)).isZero();
            assertThatThrownBy(() -> s.executeQuery("select count(*) from store_iso_b.member"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied for schema store_iso_b");
            // the console schema is visible (stores add their events to console.event_outbox), its tables are not
            assertThatThrownBy(() -> s.executeQuery("select count(*) from console.tenant"))
                    .hasMessageContaining("permission denied for table tenant");
            assertThatThrownBy(() -> s.executeQuery("select count(*) from console.event_outbox"))
                    .hasMessageContaining("permission denied for table event_outbox");
            s.execute("reset role");
        }
    }

    @Test
    void provisioningTwiceOrConcurrentlyEndsWithOneActiveStore() throws SQLException {
        List<CompletableFuture<Api.Response>> calls = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> provisionRequest("twice")))
                .toList();
        calls.forEach(call -> assertThat(call.join().status()).as(call.join().raw()).isEqualTo(200));
        Api.Response again = provisionRequest("twice");

        assertThat(again.json().path("status").asString()).isEqualTo("ACTIVE");
        provision("once_only");
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            long twice = changeSets("store_twice", s);
            assertThat(twice).isPositive().isEqualTo(changeSets("store_once_only", s));
            ResultSet rows = s.executeQuery("select count(*) from console.tenant where store_code = 'twice'");
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void suspendedStoresAreRefusedAndComeBackWhenReactivated() {
        provision("paused");
        Api.Response suspended = asService().put("/internal/stores/paused/status", Map.of("status", "SUSPENDED"));
        Api.Response refused = api().get("/api/stores/paused/members");
        Api.Response reactivated = asService().put("/internal/stores/paused/status", Map.of("status", "ACTIVE"));

        assertThat(suspended.json().path("status").asString()).isEqualTo("SUSPENDED");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemType()).isEqualTo("store-suspended");
        assertThat(reactivated.status()).isEqualTo(200);
        assertThat(api().get("/api/stores/paused/members").status()).isEqualTo(200);
    }

    @Test
    void theStoresTimeZoneFromProvisioningIsWhatTheServiceCountsItsDaysIn() {
        Api.Response urumqi = asService().put("/internal/stores/tz_urumqi",
                Map.of("groupCode", GROUP, "timeZone", "Asia/Urumqi"));
        provision("tz_default");
        Api.Response again = asService().put("/internal/stores/tz_urumqi", Map.of("groupCode", GROUP));
        Api.Response badZone = asService().put("/internal/stores/tz_bad",
                Map.of("groupCode", GROUP, "timeZone", "Mars/Olympus"));

        assertThat(urumqi.status()).as(urumqi.raw()).isEqualTo(200);
        assertThat(urumqi.json().path("timeZone").asString()).isEqualTo("Asia/Urumqi");
        assertThat(again.json().path("timeZone").asString()).as("a repeat without a zone keeps it").isEqualTo("Asia/Urumqi");
        assertThat(registry.find("tz_urumqi").orElseThrow().timeZone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
        assertThat(registry.find("tz_default").orElseThrow().timeZone()).isEqualTo(StoreTime.DEFAULT_ZONE);
        assertThat(badZone.status()).isEqualTo(422);
        assertThat(badZone.problemType()).isEqualTo("invalid-time-zone");

        clock.set(Instant.parse("2030-12-31T19:30:00Z")); // 01:30 on New Year's Day in Urumqi (UTC+6), not in UTC
        LocalDate urumqiToday = TenantContext.supplyAs(registry.find("tz_urumqi").orElseThrow().tenant(),
                storeTime::today);
        assertThat(urumqiToday).isEqualTo(LocalDate.of(2031, 1, 1));
    }

    @Test
    void refusesInvalidCodesAndUnknownStatusChanges() {
        Api.Response badCode = provisionRequest("Bad-Code");
        Api.Response unknown = asService().put("/internal/stores/ghost/status", Map.of("status", "SUSPENDED"));
        Api.Response badStatus = asService().put("/internal/stores/ghost/status", Map.of("status", "DELETED"));

        assertThat(badCode.status()).isEqualTo(422);
        assertThat(badCode.problemType()).isEqualTo("invalid-store-code");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(badStatus.status()).isEqualTo(400);
    }

    private static long changeSets(String schema, Statement s) throws SQLException {
        ResultSet exists = s.executeQuery(
                "select count(*) from information_schema.tables where table_schema = '" + schema + "'"
                        + " and table_name = 'databasechangelog'");
        exists.next();
        if (exists.getLong(1) == 0) {
            return 0;
        }
        ResultSet rs = s.executeQuery("select count(*) from " + schema + ".databasechangelog");
        rs.next();
        return rs.getLong(1);
    }
}
