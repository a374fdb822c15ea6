package com.m4s.store.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.security.Role;
import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.identity.Identities;
import com.m4s.store.support.StoreConsoleTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A staff invitation makes its own login: it never takes over an owner's login (a customer who claimed a likely
 * staff username first), and takes over any other existing login only when the platform operator confirms it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffInvitationTest extends StoreConsoleTest {

    private static final String STORE = "staff_invite";
    private static final String STAFF = "/api/stores/" + STORE + "/staff";

    @Autowired
    Identities identities;

    private Api manager;

    @BeforeAll
    void store() {
        provision(STORE);
        manager = as(TestUsers.manager(GROUP, STORE));
    }

    @Test
    void anOwnersLoginIsNeverAdoptedNotEvenWhenTheOperatorConfirms() {
        // a customer signed up as an owner of this store under the username the manager is about to give a mechanic
        String ownerLogin = identities.create("wang.service", new Identities.Profile("王先生", STORE, GROUP, null,
                "13600000101", UUID.randomUUID().toString()), Role.OWNER.realmRole(), "Owner12345", false);

        Api.Response byManager = manager.post(STAFF, invitation("wang.service", false));
        Api.Response byOperator = api().post(STAFF, invitation("wang.service", true));

        assertThat(byManager.status()).as(byManager.raw()).isEqualTo(409);
        assertThat(byManager.problemType()).isEqualTo("username-taken");
        assertThat(byOperator.status()).as(byOperator.raw()).isEqualTo(409);
        assertThat(byOperator.problemType()).isEqualTo("username-taken");
        JsonNode login = TestUsers.describe("wang.service");
        assertThat(login.path("id").asString()).isEqualTo(ownerLogin);
        assertThat(login.path("realmRoles").valueStream().map(JsonNode::asString).toList())
                .contains(Role.OWNER.realmRole())
                .doesNotContain(Role.STORE_STAFF.realmRole(), Role.STORE_MANAGER.realmRole());
        assertThat(usernames()).doesNotContain("wang.service");
    }

    @Test
    void aLoginTheInvitationDidNotMakeIsRefusedUnlessTheOperatorConfirmsAdoption() {
        TestUsers.ensure("li.existing", Role.STORE_STAFF, GROUP, List.of(STORE), "service");
        String before = TestUsers.describe("li.existing").path("id").asString();

        Api.Response plain = manager.post(STAFF, invitation("li.existing", false));
        Api.Response managerConfirms = manager.post(STAFF, invitation("li.existing", true));
        // listed, as every login with a role in the store is, but as a login made elsewhere: no staff record adopted it
        assertThat(madeHere()).doesNotContain("li.existing");
        assertThat(usernames()).contains("li.existing");
        Api.Response operatorConfirms = api().post(STAFF, invitation("li.existing", true));

        assertThat(plain.status()).as(plain.raw()).isEqualTo(409);
        assertThat(plain.problemType()).isEqualTo("username-taken");
        assertThat(plain.json().path("detail").asString()).contains("li.existing", "平台运营人员", "adoptExistingLogin");
        assertThat(managerConfirms.status()).as(managerConfirms.raw()).isEqualTo(403);
        assertThat(managerConfirms.problemType()).isEqualTo("adoption-not-allowed");
        assertThat(operatorConfirms.status()).as(operatorConfirms.raw()).isEqualTo(201);
        assertThat(operatorConfirms.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(operatorConfirms.json().path("initialPassword").isNull()).isTrue();
        assertThat(TestUsers.describe("li.existing").path("id").asString()).isEqualTo(before);
    }

    @Test
    void anInvitationMakesItsOwnLoginMarkedAsItsOwn() {
        Api.Response invited = manager.post(STAFF, invitation("zhou.new", false));

        assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
        assertThat(invited.json().path("initialPassword").asString()).isNotBlank();
        assertThat(TestUsers.describe("zhou.new").path("attributes").path("staff").path(0).asString())
                .isEqualTo(invited.json().path("id").asString());
    }

    private List<String> usernames() {
        return manager.get(STAFF + "?size=100").json().path("content").findValuesAsString("username");
    }

    /** The usernames of the staff list's rows that have a staff record of the store (made or adopted by it). */
    private List<String> madeHere() {
        return manager.get(STAFF + "?size=100").json().path("content").valueStream()
                .filter(row -> !row.path("id").isNull() && !row.path("id").isMissingNode())
                .map(row -> row.path("username").asString()).toList();
    }

    private static Map<String, Object> invitation(String username, boolean adoptExistingLogin) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", "测试 " + username);
        body.put("role", "STORE_STAFF");
        body.put("department", "service");
        if (adoptExistingLogin) {
            body.put("adoptExistingLogin", true);
        }
        return body;
    }
}
