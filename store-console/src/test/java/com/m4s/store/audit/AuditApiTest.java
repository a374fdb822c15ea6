package com.m4s.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * A store's audit trail over HTTP: each query parameter filters by its name, a page is 50 entries unless asked
 * otherwise, and a value out of its limits or of the wrong type is a 400 problem naming the parameter. Each entry
 * names its actor, the object it changed and the members its changes refer to, so a person can read it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiTest extends StoreConsoleTest {

    private static final String STORE = "audit_api";
    private static final String AUDIT = "/api/stores/" + STORE + "/audit";

    private String manager;
    private String memberId;
    private String vehicleId;

    @BeforeAll
    void aMemberCreatedAndRenamedAndAVehicleAddedAndRemoved() {
        provision(STORE);
        manager = TestUsers.manager(GROUP, STORE);
        String members = "/api/stores/" + STORE + "/members";
        Api.Response created = as(manager).post(members,
                Map.of("profile", Map.of("name", "审计查询", "phone", "13600000011")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        memberId = created.json().path("id").asString();
        Api.Response renamed = as(manager).put(members + "/" + memberId,
                Map.of("name", "审计查询二", "phone", "13600000011"));
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
        Api.Response vehicle = as(manager).post(members + "/" + memberId + "/vehicles",
                Map.of("plate", "粤A7S001", "vin", "LSVAU2180N2000011", "model", "宝马 325Li"));
        assertThat(vehicle.status()).as(vehicle.raw()).isEqualTo(201);
        vehicleId = vehicle.json().path("id").asString();
        Api.Response removed = as(manager).delete(members + "/" + memberId + "/vehicles/" + vehicleId);
        assertThat(removed.status()).as(removed.raw()).isEqualTo(204);
    }

    @Test
    void eachEntryNamesItsActorTheObjectAndTheMemberItRefersTo() {
        JsonNode member = as(manager).get(AUDIT + "?entityType=member&entityId=" + memberId).json().path("content");
        JsonNode vehicle = as(manager).get(AUDIT + "?entityType=vehicle&entityId=" + vehicleId).json()
                .path("content");

        // the test realm's users are named "<username> Test"; the name was recorded from the token with the change
        assertThat(member.findValuesAsString("actorDisplayName")).containsOnly(manager + " Test");
        assertThat(member.findValuesAsString("actorRole")).containsOnly("store-manager");
        // the member's name now, on its creation too
        assertThat(member.findValuesAsString("entityLabel")).containsExactly("审计查询二", "审计查询二");
        // a removed vehicle keeps the plate it had; its owner is named, not only referred to by id
        assertThat(vehicle.findValuesAsString("action")).containsExactly("DELETE", "CREATE");
        assertThat(vehicle.findValuesAsString("entityLabel")).containsExactly("粤A7S001", "粤A7S001");
        assertThat(vehicle.get(1).path("changes").path("member").path("after").asString()).isEqualTo(memberId);
        assertThat(vehicle.get(1).path("linkedNames").path(memberId).asString()).isEqualTo("审计查询二");
    }

    @Test
    void eachEntryRecordsTheClientsAddressAsTheGatewayForwardedIt() {
        String members = "/api/stores/" + STORE + "/members";
        Api.Response viaGateway = as(manager).post(members,
                Map.of("profile", Map.of("name", "审计地址", "phone", "13600000012")),
                Map.of("X-Forwarded-For", "198.51.100.7", "X-Forwarded-Proto", "https"));
        Api.Response direct = as(manager).post(members,
                Map.of("profile", Map.of("name", "审计地址二", "phone", "13600000013")));
        assertThat(viaGateway.status()).as(viaGateway.raw()).isEqualTo(201);
        assertThat(direct.status()).as(direct.raw()).isEqualTo(201);

        // the test talks to the service over loopback, an internal address like the gateway's: its word is taken
        assertThat(clientIps(viaGateway)).containsExactly("198.51.100.7");
        assertThat(clientIps(direct)).singleElement().asString().matches("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
    }

    /**
     * A points posting is one audit entry, its ledger entry's, with the actor and what moved; the balance and the lot
     * it changed follow from the entry ({@code Derived}) and are not recorded again.
     */
    @Test
    void aPostingIsAuditedOnceThroughItsLedgerEntry() {
        String points = "/api/stores/" + STORE + "/members/" + memberId + "/points";
        Api.Response added = as(manager).post(points + "/adjustments", Map.of("points", 30, "reason", "审计积分"),
                Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        Api.Response spent = as(manager).post(points + "/adjustments", Map.of("points", -12, "reason", "审计扣减"),
                Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
        assertThat(spent.status()).as(spent.raw()).isEqualTo(200);
        assertThat(spent.json().path("balance").path("available").asLong()).isEqualTo(18);

        JsonNode entries = as(manager).get(AUDIT + "?entityType=pointsEntry").json().path("content");
        assertThat(entries.findValuesAsString("action")).containsExactly("CREATE", "CREATE");
        assertThat(entries.get(0).path("changes").path("availableDelta").path("after").asLong()).isEqualTo(-12);
        assertThat(entries.get(1).path("changes").path("reason").path("after").asString()).isEqualTo("审计积分");
        assertThat(entries.findValuesAsString("actorRole")).containsOnly("store-manager");
        for (String derived : java.util.List.of("pointsBalance", "pointsLot")) {
            assertThat(as(manager).get(AUDIT + "?entityType=" + derived).json().path("totalElements").asLong())
                    .as(derived).isZero();
        }
    }

    private java.util.List<String> clientIps(Api.Response created) {
        return as(manager).get(AUDIT + "?entityType=member&entityId=" + created.json().path("id").asString()).json()
                .path("content").findValuesAsString("clientIp");
    }

    @Test
    void theActorFilterOffersWhoChangedTheStoreWithTheirNames() {
        JsonNode actors = as(manager).get(AUDIT + "/actors").json();
        JsonNode me = actors.get(0);

        assertThat(actors.findValuesAsString("name")).contains(manager);
        assertThat(me.path("name").asString()).isEqualTo(manager);
        assertThat(me.path("displayName").asString()).isEqualTo(manager + " Test");
        assertThat(me.path("role").asString()).isEqualTo("store-manager");
        assertThat(me.path("entries").asLong()).isEqualTo(as(manager).get(AUDIT + "?actor="
                + me.path("subject").asString()).json().path("totalElements").asLong()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void filtersByEntityActionAndActorAndPagesByFiftyUnlessAsked() {
        JsonNode all = as(manager).get(AUDIT + "?entityType=member&entityId=" + memberId).json();
        JsonNode updates = as(manager).get(AUDIT + "?entityType=member&entityId=" + memberId + "&action=UPDATE"
                + "&actor=" + manager).json();
        JsonNode byOthers = as(manager).get(AUDIT + "?entityId=" + memberId + "&actor=someone.else").json();
        JsonNode firstOfOne = as(manager).get(AUDIT + "?entityId=" + memberId + "&size=1").json();
        JsonNode secondOfOne = as(manager).get(AUDIT + "?entityId=" + memberId + "&size=1&page=1").json();

        assertThat(all.path("content").findValuesAsString("action")).containsExactly("UPDATE", "CREATE");
        assertThat(all.path("page").asInt()).isZero();
        assertThat(all.path("size").asInt()).isEqualTo(50);
        // a request header of a parameter's name is no parameter (it would be refused: size at least 1)
        JsonNode withHeaders = as(manager).get(AUDIT + "?entityType=member&entityId=" + memberId,
                Map.of("Size", "0", "Page", "7")).json();
        assertThat(withHeaders.path("size").asInt()).isEqualTo(50);
        assertThat(withHeaders.path("content")).hasSameSizeAs(all.path("content"));
        assertThat(updates.path("content").findValuesAsString("action")).containsExactly("UPDATE");
        assertThat(byOthers.path("totalElements").asLong()).isZero();
        assertThat(firstOfOne.path("content").findValuesAsString("action")).containsExactly("UPDATE");
        assertThat(secondOfOne.path("content").findValuesAsString("action")).containsExactly("CREATE");
        assertThat(secondOfOne.path("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void aBadValueIsA400ProblemNamingTheParameter() {
        assertRefused(AUDIT + "?size=0", "size");
        assertRefused(AUDIT + "?size=201", "size");
        assertRefused(AUDIT + "?page=100001", "page");
        assertRefused(AUDIT + "?page=x", "page");
        assertRefused(AUDIT + "?action=RENAME", "action");
        assertRefused(AUDIT + "?entityType=" + "e".repeat(65), "entityType");
        assertRefused(AUDIT + "?actor=" + "a".repeat(256), "actor");
    }

    private void assertRefused(String url, String parameter) {
        Api.Response r = as(manager).get(url);
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.isProblem()).as("problem+json: " + r.contentType()).isTrue();
        assertThat(r.problemType()).isEqualTo("invalid-parameter");
        assertThat(r.json().path("errors").findValuesAsString("field")).containsExactly(parameter);
    }
}
