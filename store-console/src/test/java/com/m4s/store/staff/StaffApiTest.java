package com.m4s.store.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.security.Role;
import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Staff are invited, changed, disabled and re-enabled in the store and in the real Keycloak together. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffApiTest extends StoreConsoleTest {

    private static final String STORE = "staff_store";
    private static final String STAFF = "/api/stores/" + STORE + "/staff";
    private Api manager;

    @BeforeAll
    void store() {
        provision(STORE);
        manager = as(TestUsers.manager(GROUP, STORE));
    }

    @Test
    void anInvitationMakesALoginWithTheStoreRoleAndDepartment() {
        Api.Response invited = manager.post(STAFF, invitation("li.advisor", "STORE_STAFF", "service"));

        assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
        assertThat(invited.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(invited.json().path("initialPassword").asString()).hasSizeGreaterThanOrEqualTo(12);
        JsonNode login = TestUsers.describe("li.advisor");
        assertThat(login.path("enabled").asBoolean()).isTrue();
        assertThat(login.path("attributes").path("stores").get(0).asString()).isEqualTo(STORE);
        assertThat(login.path("attributes").path("dealer_group").get(0).asString()).isEqualTo(GROUP);
        assertThat(login.path("attributes").path("department").get(0).asString()).isEqualTo("service");
        assertThat(login.path("realmRoles").valueStream().map(JsonNode::asString).toList())
                .contains(Role.STORE_STAFF.realmRole()).doesNotContain(Role.STORE_MANAGER.realmRole());
        String id = invited.json().path("id").asString();
        assertThat(manager.get(STAFF + "/" + id).json().path("initialPassword").isNull()).isTrue();
    }

    @Test
    void disablingAndEnablingSwitchTheLogin() {
        String id = manager.post(STAFF, invitation("wang.finance", "STORE_STAFF", "finance")).json().path("id")
                .asString();

        Api.Response disabled = manager.post(STAFF + "/" + id + "/disable", "");
        boolean loginWhileDisabled = TestUsers.describe("wang.finance").path("enabled").asBoolean();
        Api.Response enabled = manager.post(STAFF + "/" + id + "/enable", "");

        assertThat(disabled.json().path("status").asString()).isEqualTo("DISABLED");
        assertThat(loginWhileDisabled).isFalse();
        assertThat(enabled.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(TestUsers.describe("wang.finance").path("enabled").asBoolean()).isTrue();
    }

    @Test
    void changingTheRoleMovesTheLoginFromStaffToManager() {
        String id = manager.post(STAFF, invitation("zhao.sales", "STORE_STAFF", "sales")).json().path("id")
                .asString();

        Api.Response changed = manager.put(STAFF + "/" + id, Map.of("role", "STORE_MANAGER"));

        assertThat(changed.json().path("role").asString()).isEqualTo("STORE_MANAGER");
        assertThat(TestUsers.describe("zhao.sales").path("realmRoles").valueStream().map(JsonNode::asString).toList())
                .contains(Role.STORE_MANAGER.realmRole()).doesNotContain(Role.STORE_STAFF.realmRole());
    }

    @Test
    void aChangeFromAnOutdatedVersionIsRefusedHereAndInKeycloak() {
        JsonNode invited = manager.post(STAFF, invitation("sun.service", "STORE_STAFF", "service")).json();
        String path = STAFF + "/" + invited.path("id").asString();
        Map<String, String> asRead = Map.of("If-Match", "\"" + invited.path("version").asLong() + "\"");

        Api.Response moved = manager.put(path, Map.of("role", "STORE_STAFF", "department", "workshop"), asRead);
        Api.Response stale = manager.put(path, Map.of("role", "STORE_MANAGER"), asRead);

        assertThat(moved.status()).isEqualTo(200);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problemType()).isEqualTo("concurrent-update");
        JsonNode now = manager.get(path).json();
        assertThat(now.path("role").asString()).isEqualTo("STORE_STAFF");
        assertThat(now.path("department").asString()).isEqualTo("workshop");
        assertThat(TestUsers.describe("sun.service").path("realmRoles").valueStream().map(JsonNode::asString).toList())
                .contains(Role.STORE_STAFF.realmRole()).doesNotContain(Role.STORE_MANAGER.realmRole());
    }

    @Test
    void refusesTakenUsernamesBadRolesAndMissingDepartmentsWritingNothing() {
        TestUsers.ensure("other.store.person", Role.STORE_STAFF, GROUP, List.of("somewhere_else"), "service");
        manager.post(STAFF, invitation("dup.person", "STORE_STAFF", "service"));

        Api.Response taken = manager.post(STAFF, invitation("dup.person", "STORE_STAFF", "service"));
        Api.Response otherStores = manager.post(STAFF, invitation("other.store.person", "STORE_STAFF", "service"));
        Api.Response operatorRole = manager.post(STAFF, invitation("sneaky", "PLATFORM_OPERATOR", null));
        Api.Response noDepartment = manager.post(STAFF, invitation("nodept", "STORE_STAFF", null));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.problemType()).isEqualTo("username-taken");
        assertThat(otherStores.status()).isEqualTo(409);
        assertThat(operatorRole.status()).isEqualTo(400);
        assertThat(noDepartment.status()).isEqualTo(422);
        List<String> usernames = manager.get(STAFF + "?size=100").json().path("content").findValuesAsString("username");
        assertThat(usernames).doesNotContain("other.store.person", "sneaky", "nodept");
        assertThat(TestUsers.describe("sneaky").isMissingNode()).isTrue();
    }

    @Test
    void staffCannotManageStaff() {
        Api staff = as(TestUsers.staff(GROUP, STORE, "service"));

        assertThat(staff.get(STAFF).status()).isEqualTo(403);
        assertThat(staff.post(STAFF, invitation("self.made", "STORE_MANAGER", null)).status()).isEqualTo(403);
    }

    private static Map<String, Object> invitation(String username, String role, String department) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", "测试 " + username);
        body.put("role", role);
        if (department != null) {
            body.put("department", department);
        }
        return body;
    }
}
