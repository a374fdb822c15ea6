package com.m4s.store.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.security.Departments;
import com.m4s.platform.security.Role;
import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The staff list is the store's staff as Keycloak knows them: logins made in Keycloak (as the realm's demo manager and
 * staff are) appear beside those invited through the page; owners of the store, staff of another store and of a store
 * whose code merely starts the same do not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffFromKeycloakTest extends StoreConsoleTest {

    private static final String STORE = "staff_kc";
    private static final String STAFF = "/api/stores/" + STORE + "/staff";
    private Api manager;

    @BeforeAll
    void store() {
        provision(STORE);
        manager = as(TestUsers.manager(GROUP, STORE));
        TestUsers.staff(GROUP, STORE, Departments.WORKSHOP);
        TestUsers.owner("staff-kc-owner", STORE);
        TestUsers.ensure("mgr.staff_kc2", Role.STORE_MANAGER, GROUP, List.of("staff_kc2"), null);
        TestUsers.ensure("exec.staff_kc", Role.GROUP_EXECUTIVE, GROUP, List.of(STORE), null);
        Api.Response invited = manager.post(STAFF, Map.of("username", "kc.invited", "displayName", "邀请 来的",
                "phone", "13811112222", "role", "STORE_STAFF", "department", "sales"));
        assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
    }

    @Test
    void everyLoginWithAStaffRoleInTheStoreIsListedWithItsRoleAndState() {
        JsonNode page = manager.get(STAFF + "?sort=username,asc").json();

        assertThat(page.path("content").findValuesAsString("username"))
                .containsExactly("kc.invited", "mgr.staff_kc", "staff.staff_kc.workshop");
        assertThat(page.path("totalElements").asLong()).isEqualTo(3);
        JsonNode realmManager = page.path("content").get(1);
        assertThat(realmManager.path("role").asString()).isEqualTo("STORE_MANAGER");
        assertThat(realmManager.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(realmManager.path("displayName").asString()).isEqualTo("mgr.staff_kc Test");
        assertThat(realmManager.path("id").isNull()).as("no staff record: made in Keycloak").isTrue();
        assertThat(realmManager.path("loginId").asString()).isNotBlank();
        JsonNode workshop = page.path("content").get(2);
        assertThat(workshop.path("role").asString()).isEqualTo("STORE_STAFF");
        assertThat(workshop.path("department").asString()).isEqualTo(Departments.WORKSHOP);
        JsonNode invited = page.path("content").get(0);
        assertThat(invited.path("id").asString()).isNotBlank();
        assertThat(invited.path("version").isNumber()).isTrue();
        assertThat(invited.path("displayName").asString()).isEqualTo("邀请 来的");
        assertThat(invited.path("phone").asString()).isEqualTo("13811112222");
    }

    @Test
    void aChangeThroughThePageShowsAtOnceAndTheSearchAndPagesCutTheList() {
        String id = manager.get(STAFF + "?q=kc.invited").json().path("content").get(0).path("id").asString();

        manager.put(STAFF + "/" + id, Map.of("role", "STORE_MANAGER"));
        manager.post(STAFF + "/" + id + "/disable", "");
        JsonNode changed = manager.get(STAFF + "?q=KC.INV").json().path("content");
        manager.post(STAFF + "/" + id + "/enable", "");
        manager.put(STAFF + "/" + id, Map.of("role", "STORE_STAFF", "department", "sales"));
        JsonNode second = manager.get(STAFF + "?size=2&page=1&sort=username,desc").json();

        assertThat(changed).hasSize(1);
        assertThat(changed.get(0).path("role").asString()).isEqualTo("STORE_MANAGER");
        assertThat(changed.get(0).path("status").asString()).isEqualTo("DISABLED");
        assertThat(second.path("content").findValuesAsString("username")).containsExactly("kc.invited");
        assertThat(second.path("totalPages").asInt()).isEqualTo(2);
    }
}
