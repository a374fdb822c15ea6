package com.m4s.store.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.migration.StoreSchemas;
import com.m4s.platform.servers.Api;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.TestKeycloak;
import com.m4s.store.StoreConsoleApplication;
import com.m4s.store.support.StoreConsoleTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Start-up of another instance against the stores this one provisioned: only stores whose recorded changelog
 * fingerprint differs from the build's are migrated, in the background, and they answer 503 until they are done.
 */
class StartupMigrationTest extends StoreConsoleTest {

    private static final Duration MIGRATED = Duration.ofSeconds(120);

    @Autowired
    StoreSchemas schemas;

    @Test
    void startUpMigratesNoStoreThatIsUpToDateAndServesThemAtOnce() throws SQLException {
        List<String> stores = IntStream.range(0, 20).mapToObj("uptodate_%02d"::formatted).toList();
        stores.parallelStream().forEach(this::provision);
        long appliedBefore = appliedChangeSets(stores);

        try (ConfigurableApplicationContext next = startAnotherInstance()) {
            StartupMigration.Progress progress = next.getBean(StartupMigration.class).progress().orElseThrow();

            assertThat(next.getBean(StoreSchemas.class).liquibaseRuns()).as("Liquibase runs at start-up").isZero();
            assertThat(progress.toMigrate()).isZero();
            assertThat(progress.upToDate()).isGreaterThanOrEqualTo(stores.size()).isEqualTo(progress.stores());
            assertThat(progress.done()).isTrue();
            assertThat(apiOf(next).get("/api/stores/uptodate_19/members").status()).isEqualTo(200);
        }
        assertThat(appliedChangeSets(stores)).isEqualTo(appliedBefore);
    }

    @Test
    void aStaleStoreAnswers503StoreMigratingUntilItsBackgroundMigrationIsDoneAndTheOthersServeMeanwhile()
            throws Exception {
        provision("stale_one");
        provision("fresh_one");
        setFingerprint("stale_one", "0".repeat(64));
        Connection lock = database.connect();
        holdMigrationLock(lock, "stale_one");

        try (ConfigurableApplicationContext next = startAnotherInstance()) {
            StartupMigration migration = next.getBean(StartupMigration.class);
            try {
                HttpResponse<String> refused = rawGet(next, "/api/stores/stale_one/members");
                Api.Response fresh = apiOf(next).get("/api/stores/fresh_one/members");

                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.body()).contains("/problems/store-migrating");
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(fresh.status()).isEqualTo(200);
                assertThat(migration.progress().orElseThrow().toMigrate()).isEqualTo(1);
                assertThat(migration.progress().orElseThrow().remaining()).isEqualTo(1);
            } finally {
                lock.close(); // ends the session: its advisory lock is released and the migration proceeds
            }

            Eventually.await(MIGRATED, "stale_one serves after its migration",
                    () -> apiOf(next).get("/api/stores/stale_one/members").status(), status -> status == 200);
            StartupMigration.Progress done = Eventually.await(MIGRATED, "start-up migration done",
                    () -> migration.progress().orElseThrow(), StartupMigration.Progress::done);
            assertThat(done.failed()).isEmpty();
            assertThat(done.remaining()).isZero();
            assertThat(next.getBean(StoreSchemas.class).liquibaseRuns()).isEqualTo(1);
            assertThat(fingerprint("stale_one")).isEqualTo(schemas.changelogFingerprint());
        }
    }

    @Test
    void aNewChangeSetMakesEveryStoreStaleAndEachIsMigratedInTheBackground() throws SQLException {
        provision("next_a");
        provision("next_b");
        String current = schemas.changelogFingerprint();

        try (ConfigurableApplicationContext next = startAnotherInstance(
                "--m4s.tenancy.store-changelog=db/store-next/changelog.xml")) {
            StartupMigration migration = next.getBean(StartupMigration.class);
            StartupMigration.Progress atStart = migration.progress().orElseThrow();
            try {
                assertThat(atStart.fingerprint()).isNotEqualTo(current);
                assertThat(atStart.upToDate()).isZero();
                assertThat(atStart.toMigrate()).isEqualTo(atStart.stores()).isGreaterThanOrEqualTo(2);

                StartupMigration.Progress done = Eventually.await(MIGRATED, "every store migrated",
                        () -> migration.progress().orElseThrow(), StartupMigration.Progress::done);
                assertThat(done.failed()).isEmpty();
                assertThat(next.getBean(StoreSchemas.class).liquibaseRuns()).isEqualTo(atStart.stores());
                for (String store : List.of("next_a", "next_b")) {
                    assertThat(fingerprint(store)).isEqualTo(atStart.fingerprint());
                    assertThat(tableExists("store_" + store, "next_release_probe")).isTrue();
                }
                assertThat(apiOf(next).get("/api/stores/next_b/members").status()).isEqualTo(200);
            } finally {
                // back to today's changelog for the other tests: the extra table does not stand in its way
                restoreFingerprint(atStart.fingerprint(), current);
            }
        }
    }

    private ConfigurableApplicationContext startAnotherInstance(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.password=" + database.loginPassword(),
                "--m4s.database.owner-password=" + database.loginPassword(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestKeycloak.issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestKeycloak.jwksUri()));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(StoreConsoleApplication.class).run(args.toArray(String[]::new));
    }

    private static String base(ConfigurableApplicationContext instance) {
        return "http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port");
    }

    private static Api apiOf(ConfigurableApplicationContext instance) {
        return new Api(base(instance)).withToken(token("operator"));
    }

    private static HttpResponse<String> rawGet(ConfigurableApplicationContext instance, String path)
            throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(base(instance) + path))
                    .header("Authorization", "Bearer " + token("operator")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Takes the lock every migration of the store takes first (see StoreSchemas), so one waits until released. */
    private static void holdMigrationLock(Connection c, String store) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_lock(hashtext(?))")) {
            s.setString(1, "m4s-store-schema:" + store);
            s.execute();
        }
    }

    private static void setFingerprint(String store, String fingerprint) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
                "update console.tenant set schema_fingerprint = ? where store_code = ?")) {
            s.setString(1, fingerprint);
            s.setString(2, store);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static void restoreFingerprint(String from, String to) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
                "update console.tenant set schema_fingerprint = ? where schema_fingerprint = ?")) {
            s.setString(1, to);
            s.setString(2, from);
            s.executeUpdate();
        }
    }

    private static String fingerprint(String store) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
                "select schema_fingerprint from console.tenant where store_code = ?")) {
            s.setString(1, store);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static boolean tableExists(String schema, String table) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
                "select count(*) from information_schema.tables where table_schema = ? and table_name = ?")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }

    private static long appliedChangeSets(List<String> stores) throws SQLException {
        long total = 0;
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String store : stores) {
                try (ResultSet rs = s.executeQuery("select count(*) from store_" + store + ".databasechangelog")) {
                    rs.next();
                    total += rs.getLong(1);
                }
            }
        }
        return total;
    }
}
