package com.m4s.store.member;

import static com.m4s.store.member.MemberFixtures.member;
import static com.m4s.store.member.MemberFixtures.profile;
import static com.m4s.store.member.MemberFixtures.vehicle;
import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Members and vehicles of store A can never be listed, counted, read, changed or deleted through store B. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreIsolationTest extends StoreConsoleTest {

    private static final String A = "/api/stores/store_a/members";
    private static final String B = "/api/stores/store_b/members";
    private String memberOfA;
    private String vehicleOfA;

    private Api managerOfA;
    private Api managerOfB;

    @BeforeAll
    void twoStores() {
        provision("store_a");
        provision("store_b");
        managerOfA = as(TestUsers.manager(GROUP, "store_a"));
        managerOfB = as(TestUsers.manager(GROUP, "store_b"));
        JsonNode created = managerOfA.post(A, member("甲店客户", "13100000001", vehicle("粤A88888", "LVSHCAMB1CE000001")))
                .json();
        memberOfA = created.path("id").asString();
        vehicleOfA = created.path("vehicles").get(0).path("id").asString();
        managerOfB.post(B, member("乙店客户", "13100000002"));
    }

    @Test
    void listAndSearchOfBNeverShowA() {
        JsonNode all = managerOfB.get(B + "?size=100").json();
        assertThat(all.path("content").findValuesAsString("name")).contains("乙店客户").doesNotContain("甲店客户");
        assertThat(all.path("totalElements").asLong()).isEqualTo(all.path("content").size());
        assertThat(managerOfB.get(B + "?q=甲店").json().path("totalElements").asLong()).isZero();
        assertThat(managerOfB.get(B + "?q=粤A88888").json().path("content").findValuesAsString("name"))
                .doesNotContain("甲店客户");
        assertThat(managerOfB.get(B + "?q=13100000001").json().path("totalElements").asLong()).isZero();
    }

    @Test
    void guessedIdsOfAAreNotFoundThroughB() {
        assertThat(managerOfB.get(B + "/" + memberOfA).status()).isEqualTo(404);
        assertThat(managerOfB.put(B + "/" + memberOfA, profile("篡改", "13100000009")).status()).isEqualTo(404);
        assertThat(managerOfB.post(B + "/" + memberOfA + "/vehicles", vehicle("粤A77777", "LVSHCAMB1CE000002")).status())
                .isEqualTo(404);
        assertThat(managerOfB.put(B + "/" + memberOfA + "/vehicles/" + vehicleOfA,
                vehicle("粤A88888", "LVSHCAMB1CE000001")).status()).isEqualTo(404);
        assertThat(managerOfB.delete(B + "/" + memberOfA + "/vehicles/" + vehicleOfA).status()).isEqualTo(404);
        assertThat(managerOfB.delete(B + "/" + memberOfA).status()).isEqualTo(404);

        JsonNode stillThere = managerOfA.get(A + "/" + memberOfA).json();
        assertThat(stillThere.path("profile").path("name").asString()).isEqualTo("甲店客户");
        assertThat(stillThere.path("vehicles")).hasSize(1);
    }

    @Test
    void thePlateOfAIsFreeInB() {
        Api.Response r = managerOfB.post(B, member("乙店同牌", "13100000003", vehicle("粤A88888", "LVSHCAMB1CE000001")));
        assertThat(r.status()).isEqualTo(201);
        assertThat(managerOfA.get(A + "?q=粤A88888").json().path("content").get(0).path("name").asString())
                .isEqualTo("甲店客户");
    }

    @Test
    void aManagerCannotEvenReachAnotherStore() {
        Api.Response list = managerOfB.get(A);
        Api.Response read = managerOfB.get(A + "/" + memberOfA);
        Api.Response delete = managerOfB.delete(A + "/" + memberOfA);

        assertThat(list.status()).isEqualTo(403);
        assertThat(list.problemType()).isEqualTo("store-access-denied");
        assertThat(list.raw()).doesNotContain("甲店客户");
        assertThat(read.status()).isEqualTo(403);
        assertThat(delete.status()).isEqualTo(403);
        assertThat(managerOfA.get(A + "/" + memberOfA).status()).isEqualTo(200);
    }

    @Test
    void unknownStoresAreNotFoundForOperatorsAndHiddenFromOthers() {
        Api.Response operator = api().get("/api/stores/store_z/members");
        Api.Response manager = managerOfA.get("/api/stores/store_z/members");

        assertThat(operator.status()).isEqualTo(404);
        assertThat(operator.problemType()).isEqualTo("store-not-found");
        assertThat(manager.status()).isEqualTo(403);
    }
}
