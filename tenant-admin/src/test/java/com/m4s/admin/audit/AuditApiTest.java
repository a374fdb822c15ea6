package com.m4s.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.ServiceTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The platform's audit trail over HTTP: the same query parameters as a store's, filtering by name, 50 entries a page
 * unless asked otherwise, and a value out of its limits or of the wrong type a 400 problem naming the parameter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiTest extends ServiceTest {

    private static final String AUDIT = "/api/admin/audit";

    @BeforeAll
    void aGroupCreatedAndRenamed() {
        assertThat(api().post("/api/admin/groups", Map.of("code", "grp_audit", "name", "审计集团")).status())
                .isEqualTo(201);
        assertThat(api().patch("/api/admin/groups/grp_audit", Map.of("name", "审计集团二")).status()).isEqualTo(200);
    }

    @Test
    void filtersByEntityActionAndActorAndPagesByFiftyUnlessAsked() {
        JsonNode all = api().get(AUDIT + "?entityType=dealerGroup&entityId=grp_audit").json();
        JsonNode updates = api().get(AUDIT + "?entityType=dealerGroup&entityId=grp_audit&action=UPDATE&actor=operator")
                .json();
        JsonNode byOthers = api().get(AUDIT + "?entityId=grp_audit&actor=someone.else").json();
        JsonNode secondOfOne = api().get(AUDIT + "?entityId=grp_audit&size=1&page=1").json();

        assertThat(all.path("content").findValuesAsString("action")).containsExactly("UPDATE", "CREATE");
        assertThat(all.path("page").asInt()).isZero();
        assertThat(all.path("size").asInt()).isEqualTo(50);
        assertThat(updates.path("content").findValuesAsString("action")).containsExactly("UPDATE");
        assertThat(byOthers.path("totalElements").asLong()).isZero();
        assertThat(secondOfOne.path("content").findValuesAsString("action")).containsExactly("CREATE");
    }

    @Test
    void aBadValueIsA400ProblemNamingTheParameter() {
        assertRefused(AUDIT + "?size=0", "size");
        assertRefused(AUDIT + "?page=-1", "page");
        assertRefused(AUDIT + "?page=x", "page");
        assertRefused(AUDIT + "?entityId=" + "i".repeat(65), "entityId");
    }

    private void assertRefused(String url, String parameter) {
        Api.Response r = api().get(url);
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.isProblem()).as("problem+json: " + r.contentType()).isTrue();
        assertThat(r.problemType()).isEqualTo("invalid-parameter");
        assertThat(r.json().path("errors").findValuesAsString("field")).containsExactly(parameter);
    }
}
