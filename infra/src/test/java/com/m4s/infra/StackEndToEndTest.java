package com.m4s.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.m4s.infra.stack.DemoData;
import com.m4s.infra.stack.Stack;
import com.m4s.platform.servers.Api;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The whole platform as a user gets it: PostgreSQL and the three services as processes from the built jars, every
 * call through the gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StackEndToEndTest {

    private Stack stack;
    private Api api;

    @BeforeAll
    void start() {
        stack = SharedStack.get(); // shared with the browser suite; it stops when the test JVM exits
        api = as(DemoData.OPERATOR);
        StackStores.group(api, "e2e_group", "端到端集团");
    }

    @BeforeEach
    void freshOperatorToken() {
        api = as(DemoData.OPERATOR);
    }

    /** Through the gateway with a fresh token of a demo user from the stack's Keycloak. */
    private Api as(String demoUser) {
        return new Api(stack.gatewayUrl()).withToken(stack.keycloak().passwordToken(demoUser, DemoData.DEMO_PASSWORD));
    }

    @Test
    void creatingAStoreThroughTheGatewayGivesItASchemaWithTablesThatOtherStoresCannotRead() throws SQLException {
        createStore("e2e_alpha");
        createStore("e2e_beta");
        awaitStatus("e2e_alpha", "ACTIVE");
        awaitStatus("e2e_beta", "ACTIVE");

        try (Connection c = db(); Statement s = c.createStatement()) {
            assertThat(tables(s, "store_e2e_alpha")).contains("member", "vehicle");
            s.execute("set role m4s_store_e2e_alpha");
            assertThatThrownBy(() -> s.executeQuery("select * from store_e2e_beta.member"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeQuery("select * from admin.store"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void membersOfOneStoreNeverShowThroughAnother() {
        createStore("e2e_iso_a");
        createStore("e2e_iso_b");
        awaitStatus("e2e_iso_a", "ACTIVE");
        awaitStatus("e2e_iso_b", "ACTIVE");
        Api.Response created = api.post("/api/stores/e2e_iso_a/members", member("隔离客户", "13012345678", "粤A00E2E"));
        String id = created.json().path("id").asString();

        assertThat(created.status()).isEqualTo(201);
        assertThat(api.get("/api/stores/e2e_iso_b/members").json().path("totalElements").asLong()).isZero();
        assertThat(api.get("/api/stores/e2e_iso_b/members/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/api/stores/e2e_iso_b/members/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/stores/e2e_iso_a/members/" + id).status()).isEqualTo(200);
        Api.Response unknown = api.get("/api/stores/e2e_nowhere/members");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
    }

    @Test
    void badInputThroughTheGatewayIsAProblemAndWritesNothing() {
        createStore("e2e_input");
        awaitStatus("e2e_input", "ACTIVE");

        Api.Response malformed = api.post("/api/stores/e2e_input/members", "{\"profile\": ");
        Api.Response invalid = api.post("/api/stores/e2e_input/members", member("", "123", "nope"));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().path("errors").findValuesAsString("field"))
                .contains("profile.name", "profile.phone", "vehicles[0].plate");
        assertThat(api.get("/api/stores/e2e_input/members").json().path("totalElements").asLong()).isZero();
    }

    @Test
    void suspendedStoresAreRefusedUntilReactivated() {
        createStore("e2e_pause");
        awaitStatus("e2e_pause", "ACTIVE");

        Api.Response suspended = api.post("/api/admin/stores/e2e_pause/suspend", "");
        Api.Response refused = api.get("/api/stores/e2e_pause/members");
        Api.Response reactivated = api.post("/api/admin/stores/e2e_pause/reactivate", "");

        assertThat(suspended.json().path("status").asString()).isEqualTo("SUSPENDED");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemType()).isEqualTo("store-suspended");
        assertThat(reactivated.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(api.get("/api/stores/e2e_pause/members").status()).isEqualTo(200);
    }

    @Test
    void aStoreCreatedWhileStoreConsoleIsDownFailsAndARetrySucceedsOnceItIsBack() throws SQLException {
        stack.stopService("store-console");
        try {
            createStore("e2e_retry");
            JsonNode failed = awaitStatus("e2e_retry", "FAILED");
            assertThat(failed.path("failureReason").asString()).contains("store-console");
        } finally {
            stack.startService("store-console");
        }
        long changeSetsBefore = appliedChangeSets();

        assertThat(api.post("/api/admin/stores/e2e_retry/provisioning", "").status()).isEqualTo(202);
        JsonNode active = awaitStatus("e2e_retry", "ACTIVE");

        assertThat(active.path("provisioningAttempts").asInt()).isEqualTo(2);
        assertThat(appliedChangeSets()).isGreaterThan(changeSetsBefore);
        assertThat(api.get("/api/stores/e2e_retry/members").status()).isEqualTo(200);
    }

    @Test
    void restartingStoreConsoleMigratesEveryStoreAndChangesNothing() throws Exception {
        createStore("e2e_restart");
        awaitStatus("e2e_restart", "ACTIVE");
        long before = appliedChangeSets();
        long startUpsBefore = migrationReports();

        stack.startService("store-console");

        assertThat(appliedChangeSets()).isEqualTo(before);
        assertThat(migrationReports()).isEqualTo(startUpsBefore + 1);
        assertThat(api.get("/api/stores/e2e_restart/members").status()).isEqualTo(200);
    }

    @Test
    void demoDataCanBeLoadedTwiceWithoutDuplicates() throws SQLException, java.io.IOException {
        List<String> stores = new DemoData(stack).ensure();
        long first = api.get("/api/stores/" + stores.getFirst() + "/members").json().path("totalElements").asLong();
        Map<String, Long> photosFirst = demoPhotoRows(stores);
        java.nio.file.Path dms = stack.dataDir().resolve("dms-" + stores.getFirst() + ".properties");
        String dmsFirst = Files.readString(dms);
        long productsFirst = api.get("/api/stores/" + stores.getFirst() + "/products").json().path("totalElements")
                .asLong();
        new DemoData(stack).ensure();
        long second = api.get("/api/stores/" + stores.getFirst() + "/members").json().path("totalElements").asLong();
        long productsSecond = api.get("/api/stores/" + stores.getFirst() + "/products").json().path("totalElements")
                .asLong();

        assertThat(stores).hasSize(3);
        assertThat(first).isPositive().isEqualTo(second);
        assertThat(productsFirst).as("the mall's catalogue, made once").isEqualTo(13).isEqualTo(productsSecond);
        assertThat(photosFirst.values()).allMatch(n -> n > 0);
        assertThat(demoPhotoRows(stores)).as("pictures are uploaded once").isEqualTo(photosFirst);
        // the demo store's DMS credential is made once; the secret kept for developers still gets a token
        assertThat(Files.readString(dms)).as("the credential is not remade").isEqualTo(dmsFirst)
                .contains("clientId=m4s-dms-" + stores.getFirst());
        java.util.Properties kept = new java.util.Properties();
        kept.load(new java.io.StringReader(dmsFirst));
        Api dmsApi = new Api(stack.gatewayUrl()).withToken(stack.keycloak().clientToken(kept.getProperty("clientId"),
                kept.getProperty("clientSecret")));
        assertThat(dmsApi.post(kept.getProperty("batchPath"), Map.of("orders", List.of())).status())
                .isNotIn(401, 403);
        assertThat(api.get("/api/admin/groups/" + DemoData.GROUP + "/stores").json().path("totalElements").asLong())
                .isEqualTo(3);
    }

    /**
     * The demo cars show pictures: most of them have one to four, a few none, and each link loads a JPEG through the
     * gateway without a token, as an {@code <img>} loads it.
     */
    @Test
    void demoUsedCarsHavePhotosWhoseLinksLoad() {
        for (String store : new DemoData(stack).ensure()) {
            JsonNode page = api.get("/api/stores/" + store + "/used-cars?size=100").json();
            int cars = 0;
            int withPhotos = 0;
            int loaded = 0;
            for (JsonNode row : page.path("content")) {
                JsonNode photos = api.get("/api/stores/" + store + "/used-cars/" + row.path("id").asString()).json()
                        .path("photos");
                cars++;
                if (photos.isEmpty()) {
                    continue;
                }
                withPhotos++;
                assertThat(photos.size()).as(store).isBetween(1, 4);
                if (loaded < 3) {
                    Api.Download picture = new Api(stack.gatewayUrl()).download(photos.get(0).path("thumbnailUrl")
                            .asString());
                    assertThat(picture.status()).as(store).isEqualTo(200);
                    assertThat(picture.header("Content-Type")).isEqualTo("image/jpeg");
                    assertThat(picture.body().length).isGreaterThan(1000);
                    loaded++;
                }
            }
            assertThat(cars).as(store).isGreaterThanOrEqualTo(60);
            assertThat(withPhotos).as(store + ": most demo cars have photos, a few none").isGreaterThan(cars * 3 / 4)
                    .isLessThan(cars);
            assertThat(loaded).isEqualTo(3);
        }
    }

    /** How many photos each store has in its photo table. */
    private Map<String, Long> demoPhotoRows(List<String> stores) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = db(); Statement s = c.createStatement()) {
            for (String store : stores) {
                try (ResultSet rs = s.executeQuery("select count(*) from store_" + store + ".photo")) {
                    rs.next();
                    rows.put(store, rs.getLong(1));
                }
            }
        }
        return rows;
    }

    @Test
    void eachDemoUserGetsExactlyTheirAccessThroughTheGateway() {
        new DemoData(stack).ensure();
        Api managerGz = as("manager.gz_tianhe");
        Api managerSz = as("manager.sz_futian");
        Api executive = as("exec.huanan");
        Api staff = as("staff.gz_tianhe");
        Api owner = as("owner.13800138001");

        assertThat(managerGz.get("/api/stores/gz_tianhe/members").json().path("totalElements").asLong()).isPositive();
        assertThat(managerSz.get("/api/stores/gz_tianhe/members").status()).isEqualTo(403);
        assertThat(managerSz.get("/api/stores/sz_futian/members").status()).isEqualTo(200);
        assertThat(executive.get("/api/stores/gz_tianhe/members").status()).isEqualTo(200);
        assertThat(executive.get("/api/stores/sz_futian/members").status()).isEqualTo(200);
        assertThat(executive.post("/api/stores/gz_tianhe/members", member("高管", "13512345678", "粤A00X01")).status())
                .isEqualTo(403);
        assertThat(executive.get("/api/admin/groups").json().path("content").findValuesAsString("code"))
                .containsExactly(DemoData.GROUP);
        assertThat(staff.get("/api/stores/gz_tianhe/members").status()).isEqualTo(200);
        assertThat(staff.get("/api/stores/gz_tianhe/audit").status()).isEqualTo(403);
        assertThat(managerGz.get("/api/stores/gz_tianhe/audit").json().path("totalElements").asLong()).isPositive();
        assertThat(owner.get("/api/stores/gz_tianhe/members").status()).isEqualTo(403);
        assertThat(owner.get("/api/stores/gz_tianhe/me").json().path("profile").path("phone").asString())
                .isEqualTo("13800138001");
        assertThat(owner.get("/api/stores/sz_futian/me").status()).isEqualTo(403);
        assertThat(managerGz.post("/api/admin/groups", Map.of("code", "nope", "name", "x")).status()).isEqualTo(403);
        Api.Response anonymous = new Api(stack.gatewayUrl()).get("/api/stores/gz_tianhe/members");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
    }

    /**
     * A store's DMS as it runs in a deployment: the credential its manager makes is a client of the stack's Keycloak,
     * its token passes the gateway for that store's batch alone, and a rotation refuses the old token at once.
     */
    @Test
    void aStoresDmsSendsRepairOrdersThroughTheGatewayWithTheCredentialMadeForIt() {
        createStore("e2e_dms");
        createStore("e2e_dms_b");
        awaitStatus("e2e_dms", "ACTIVE");
        awaitStatus("e2e_dms_b", "ACTIVE");
        String member = api.post("/api/stores/e2e_dms/members", member("工单客户", "13712345670", "粤A0D0D1"))
                .json().path("id").asString();
        Api.Response issued = api.post("/api/stores/e2e_dms/dms-credential", Map.of());
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        String clientId = issued.json().path("clientId").asString();
        Api dms = new Api(stack.gatewayUrl()).withToken(stack.keycloak().clientToken(clientId,
                issued.json().path("clientSecret").asString()));

        Api.Response sent = dms.post("/api/stores/e2e_dms/repair-orders/batch", dmsOrder("E2E-DMS-1", member));
        assertThat(sent.status()).as(sent.raw()).isEqualTo(200);
        assertThat(sent.json().path("orders").get(0).path("outcome").asString()).isEqualTo("CREATED");
        assertThat(api.get("/api/stores/e2e_dms/repair-orders?size=50").raw()).contains("E2E-DMS-1");
        assertThat(dms.post("/api/stores/e2e_dms_b/repair-orders/batch", dmsOrder("E2E-DMS-X", member)).status())
                .as("another store's batch").isEqualTo(403);
        assertThat(dms.get("/api/stores/e2e_dms/members").status()).as("anything but the batch").isEqualTo(403);

        assertThat(api.post("/api/stores/e2e_dms/dms-credential/rotate", Map.of()).status()).isEqualTo(200);
        Api.Response stale = dms.post("/api/stores/e2e_dms/repair-orders/batch", dmsOrder("E2E-DMS-2", member));
        assertThat(stale.status()).as("a token of the rotated secret").isEqualTo(401);
        assertThat(stale.problemType()).endsWith("dms-credential-revoked");
        assertThat(api.get("/api/stores/e2e_dms/repair-orders?size=50").raw()).doesNotContain("E2E-DMS-2");
    }

    private static Map<String, Object> dmsOrder(String number, String member) {
        return Map.of("orders", List.of(Map.of("dmsNumber", number, "memberId", member,
                "openedAt", "2026-11-01T02:00:00Z", "status", "OPEN", "lines", List.of(Map.of("lineNo", 1,
                        "kind", "LABOUR", "description", "保养", "quantity", "1",
                        "amount", Map.of("amount", "100.00"), "accountType", "CUSTOMER", "refunded", false)))));
    }

    @Test
    void everyWriteIsInTheAuditTrailWithWhoAndWhat() {
        createStore("e2e_audit");
        awaitStatus("e2e_audit", "ACTIVE");
        String id = api.post("/api/stores/e2e_audit/members", member("审计客户", "13611112222", "粤A0A0A0"))
                .json().path("id").asString();
        api.put("/api/stores/e2e_audit/members/" + id, Map.of("name", "审计客户二", "phone", "13611112222"));
        api.delete("/api/stores/e2e_audit/members/" + id);

        JsonNode trail = api.get("/api/stores/e2e_audit/audit?entityId=" + id).json();
        List<String> actions = trail.path("content").findValuesAsString("action");
        assertThat(actions).containsExactly("DELETE", "UPDATE", "CREATE");
        JsonNode update = trail.path("content").get(1);
        assertThat(update.path("actorName").asString()).isEqualTo("operator");
        assertThat(update.path("actorRole").asString()).isEqualTo("platform-operator");
        assertThat(update.path("clientIp").asString()).isNotBlank();
        assertThat(update.path("changes").path("name").path("before").asString()).isEqualTo("审计客户");
        assertThat(update.path("changes").path("name").path("after").asString()).isEqualTo("审计客户二");
        JsonNode storeTrail = api.get("/api/admin/audit?entityType=store&entityId=e2e_audit").json();
        assertThat(storeTrail.path("content").findValuesAsString("action")).contains("CREATE");
    }

    @Test
    void servesTheOpenApiDocumentsAndTheWebUi() {
        JsonNode admin = new Api(stack.gatewayUrl()).get("/openapi/tenant-admin").json();
        JsonNode store = new Api(stack.gatewayUrl()).get("/openapi/store-console").json();
        Api.Response ui = new Api(stack.gatewayUrl()).get("/");

        assertThat(admin.path("paths").has("/api/admin/groups")).isTrue();
        assertThat(store.path("paths").has("/api/stores/{store}/members")).isTrue();
        assertThat(store.path("paths").has("/internal/stores/{storeCode}")).isFalse();
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.raw()).contains("<div id=\"root\">");
    }

    /** How many start-up migration reports store-console's log holds (the log is appended across restarts). */
    private long migrationReports() throws java.io.IOException {
        return java.util.regex.Pattern.compile("migrated \\d+ stores in \\d+ ms \\(0 failed")
                .matcher(Files.readString(stack.service("store-console").log())).results().count();
    }

    private void createStore(String code) {
        StackStores.create(api, "e2e_group", code, "门店 " + code);
    }

    private JsonNode awaitStatus(String code, String status) {
        return StackStores.awaitStatus(api, code, status);
    }

    private static Map<String, Object> member(String name, String phone, String plate) {
        Map<String, Object> vehicle = new LinkedHashMap<>();
        vehicle.put("plate", plate);
        vehicle.put("vin", "LVGBE40K0KG0E2E01");
        vehicle.put("model", "Camry");
        return Map.of("profile", Map.of("name", name, "phone", phone), "vehicles", List.of(vehicle));
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
    }

    private static List<String> tables(Statement s, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(
                "select table_name from information_schema.tables where table_schema = '" + schema + "'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private long appliedChangeSets() throws SQLException {
        try (Connection c = db(); Statement s = c.createStatement()) {
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select schema_name from console.tenant")) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
            long total = 0;
            for (String schema : schemas) {
                if (tables(s, schema).contains("databasechangelog")) {
                    try (ResultSet rs = s.executeQuery("select count(*) from " + schema + ".databasechangelog")) {
                        rs.next();
                        total += rs.getLong(1);
                    }
                }
            }
            return total;
        }
    }
}
