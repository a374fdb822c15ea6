package com.m4s.store.repairorder.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.Endpoints;
import com.m4s.platform.test.TestKeycloak;
import com.m4s.platform.test.TestUsers;
import com.m4s.platform.security.Departments;
import com.m4s.store.support.StoreConsoleTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A store's manager gives the store's DMS a credential of its own, a Keycloak client: with a token of it the DMS sends
 * repair orders to that store and does nothing else, in that store or another; a rotation stops the old secret and
 * the tokens it got, a revocation stops the credential.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DmsCredentialTest extends StoreConsoleTest {

    private static final String A = "dms_cred_a";
    private static final String B = "dms_cred_b";

    @Autowired
    ApplicationContext context;

    private String memberA;
    private String memberB;

    @BeforeAll
    void stores() {
        provision(A);
        provision(B);
        memberA = member(A, "13712340001");
        memberB = member(B, "13712340002");
    }

    @Test
    void theManagerIssuesACredentialThatSendsOrdersToItsStoreAloneUntilRotatedAndRevoked() {
        Api manager = as(TestUsers.manager(GROUP, A));
        JsonNode none = manager.get(path(A)).json();
        assertThat(none.path("status").asString()).isEqualTo("NONE");
        assertThat(none.path("tokenUrl").asString()).isEqualTo(TestKeycloak.issuer() + "/protocol/openid-connect/token");
        assertThat(none.path("batchPath").asString()).isEqualTo("/api/stores/" + A + "/repair-orders/batch");
        assertThat(as(TestUsers.staff(GROUP, A, Departments.SERVICE)).get(path(A)).status())
                .as("managers only").isEqualTo(403);

        Api.Response created = manager.post(path(A), Map.of());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String clientId = created.json().path("clientId").asString();
        String secret = created.json().path("clientSecret").asString();
        assertThat(clientId).isEqualTo("m4s-dms-" + A);
        assertThat(secret).hasSizeGreaterThan(16);
        Api.Response shown = manager.get(path(A));
        assertThat(shown.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(shown.json().path("createdAt").isMissingNode()).isFalse();
        assertThat(shown.json().path("createdBy").asString()).isNotBlank();
        assertThat(shown.raw()).as("the secret is shown once").doesNotContain(secret);
        assertThat(manager.post(path(A), Map.of()).problemType()).endsWith("dms-credential-exists");

        String token = TestKeycloak.clientToken(clientId, secret);
        JsonNode claims = TestKeycloak.claims(token);
        assertThat(claims.path("azp").asString()).isEqualTo(clientId);
        assertThat(claims.path("m4s_stores").toString()).isEqualTo("[\"" + A + "\"]");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"dms\"")
                .doesNotContain("store-manager", "service\"");
        Api dms = anonymous().withToken(token);

        Api.Response sent = dms.post(batch(A), order("DMS-CRED-1", memberA, "100.00"));
        assertThat(sent.status()).as(sent.raw()).isEqualTo(200);
        assertThat(sent.json().path("orders").get(0).path("outcome").asString()).isEqualTo("CREATED");
        assertThat(manager.get("/api/stores/" + A + "/repair-orders?size=50").raw()).contains("DMS-CRED-1");

        assertThat(dms.post(batch(B), order("DMS-CRED-X", memberB, "100.00")).status()).as("another store")
                .isEqualTo(403);
        assertThat(dms.get("/api/stores/" + A + "/members").status()).as("members of its own store").isEqualTo(403);
        assertThat(dms.get(path(A)).status()).as("its own credential").isEqualTo(403);
        assertThat(as(TestUsers.manager(GROUP, B)).get("/api/stores/" + B + "/repair-orders?size=50").raw())
                .doesNotContain("DMS-CRED-X");

        Api.Response rotated = manager.post(path(A) + "/rotate", Map.of());
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        String newSecret = rotated.json().path("clientSecret").asString();
        assertThat(newSecret).isNotEqualTo(secret).hasSizeGreaterThan(16);
        assertThat(rotated.json().path("credential").path("rotatedBy").asString()).isNotBlank();
        HttpResponse<String> withOldSecret = tokenRequest(clientId, secret);
        assertThat(withOldSecret.statusCode()).as(withOldSecret.body()).isEqualTo(401);
        Api.Response oldToken = dms.post(batch(A), order("DMS-CRED-2", memberA, "50.00"));
        assertThat(oldToken.status()).as("a token of the old secret").isEqualTo(401);
        assertThat(oldToken.problemType()).endsWith("dms-credential-revoked");
        Api dmsNow = anonymous().withToken(TestKeycloak.clientToken(clientId, newSecret));
        Api.Response again = dmsNow.post(batch(A), order("DMS-CRED-1", memberA, "100.00"));
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.json().path("orders").get(0).path("outcome").asString()).isEqualTo("UNCHANGED");

        Api.Response revoked = manager.post(path(A) + "/revoke", Map.of());
        assertThat(revoked.status()).as(revoked.raw()).isEqualTo(200);
        assertThat(revoked.json().path("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.json().path("revokedBy").asString()).isNotBlank();
        HttpResponse<String> afterRevocation = tokenRequest(clientId, newSecret);
        assertThat(afterRevocation.statusCode()).as(afterRevocation.body()).isEqualTo(401);
        Api.Response existing = dmsNow.post(batch(A), order("DMS-CRED-3", memberA, "70.00"));
        assertThat(existing.status()).as("a token got before the revocation").isEqualTo(401);
        assertThat(manager.post(path(A) + "/rotate", Map.of()).problemType()).endsWith("dms-credential-missing");
        assertThat(manager.get("/api/stores/" + A + "/repair-orders?size=50").raw()).contains("DMS-CRED-1")
                .doesNotContain("DMS-CRED-2", "DMS-CRED-3");

        Api.Response remade = manager.post(path(A), Map.of());
        assertThat(remade.status()).as("a new credential after a revocation").isEqualTo(201);
        Api dmsRemade = anonymous().withToken(TestKeycloak.clientToken(clientId,
                remade.json().path("clientSecret").asString()));
        assertThat(dmsRemade.post(batch(A), order("DMS-CRED-4", memberA, "80.00")).status()).isEqualTo(200);
        assertThat(dmsNow.post(batch(A), order("DMS-CRED-5", memberA, "80.00")).status())
                .as("the revoked credential's token stays refused").isEqualTo(401);
    }

    /** Every endpoint of the service but the batch refuses a DMS token, in its own store as elsewhere. */
    @Test
    void aDmsTokenMayCallTheBatchAndNothingElse() {
        Api manager = as(TestUsers.manager(GROUP, B));
        JsonNode issued = manager.post(path(B), Map.of()).json();
        Api dms = anonymous().withToken(TestKeycloak.clientToken(issued.path("clientId").asString(),
                issued.path("clientSecret").asString()));
        Map<String, String> values = Map.of("store", B, "storeCode", B, "kind", "used-cars", "size", "small");
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Endpoints.Endpoint e : Endpoints.of(context, "/api/", "/internal/")) {
            if (e.open() || e.pattern().equals("/api/stores/{store}/repair-orders/batch")) {
                continue;
            }
            Api.Response r = dms.send(e.method(), e.path(values), e.writes() ? "{}" : null);
            checked++;
            if (r.status() != 403) {
                wrong.add(e + " -> " + r.status() + " " + r.raw());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).isGreaterThan(50);
        assertThat(dms.post(batch(B), order("DMS-CRED-B1", memberB, "10.00")).status()).isEqualTo(200);
        manager.post(path(B) + "/revoke", Map.of());
    }

    private String member(String store, String phone) {
        Api.Response r = as(TestUsers.manager(GROUP, store)).post("/api/stores/" + store + "/members",
                Map.of("profile", Map.of("name", "对接会员", "phone", phone)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    private static HttpResponse<String> tokenRequest(String clientId, String secret) {
        return TestKeycloak.tokenResponse(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    private static String path(String store) {
        return "/api/stores/" + store + "/dms-credential";
    }

    private static String batch(String store) {
        return "/api/stores/" + store + "/repair-orders/batch";
    }

    private static Map<String, Object> order(String number, String member, String amount) {
        return Map.of("orders", List.of(Map.of("dmsNumber", number, "memberId", member,
                "openedAt", "2026-11-01T02:00:00Z", "status", "OPEN", "lines", List.of(Map.of("lineNo", 1,
                        "kind", "LABOUR", "description", "保养", "quantity", "1",
                        "amount", Map.of("amount", amount), "accountType", "CUSTOMER", "refunded", false)))));
    }
}
