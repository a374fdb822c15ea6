package com.m4s.store.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestKeycloak;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.StoreConsoleApplication;
import com.m4s.store.support.StoreConsoleTest;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An invitation made while Keycloak cannot be reached leaves a FAILED staff record and no login; a retry once
 * Keycloak answers makes the login and activates the record.
 */
class StaffWhileKeycloakIsDownTest extends StoreConsoleTest {

    @Test
    void anInvitationThatFailsOnKeycloakIsFinishedByARetry() {
        provision("staff_down");
        String manager = TestUsers.manager(GROUP, "staff_down");
        Api.Response failed;
        try (ConfigurableApplicationContext cut = instanceWithoutKeycloakAdmin()) {
            int port = ((WebServerApplicationContext) cut).getWebServer().getPort();
            Api cutOff = new Api("http://127.0.0.1:" + port).withToken(token(manager));
            failed = cutOff.post("/api/stores/staff_down/staff",
                    Map.of("username", "sun.down", "displayName", "孙", "role", "STORE_STAFF", "department", "sales"));
        }
        String id = failed.json().path("staffId").asString();

        assertThat(failed.status()).as(failed.raw()).isEqualTo(503);
        assertThat(failed.problemType()).isEqualTo("identity-unavailable");
        assertThat(as(manager).get("/api/stores/staff_down/staff/" + id).json().path("status").asString())
                .isEqualTo("FAILED");
        assertThat(TestUsers.describe("sun.down").isMissingNode()).isTrue();
        JsonNode listed = as(manager).get("/api/stores/staff_down/staff?q=sun.down").json().path("content");
        assertThat(listed).as("an invitation waiting for its login is in the list").hasSize(1);
        assertThat(listed.get(0).path("status").asString()).isEqualTo("FAILED");
        assertThat(listed.get(0).path("loginId").isNull()).isTrue();

        Api.Response retried = as(manager).post("/api/stores/staff_down/staff/" + id + "/retry", "");

        assertThat(retried.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(retried.json().path("initialPassword").asString()).isNotBlank();
        assertThat(TestUsers.describe("sun.down").path("enabled").asBoolean()).isTrue();
    }

    /** The same service and database, but its Keycloak Admin API calls go to a port where nothing listens. */
    private ConfigurableApplicationContext instanceWithoutKeycloakAdmin() {
        return new SpringApplicationBuilder(StoreConsoleApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.password=" + database.loginPassword(),
                "--m4s.database.owner-password=" + database.loginPassword(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestKeycloak.issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestKeycloak.jwksUri(),
                "--m4s.keycloak.url=http://127.0.0.1:9",
                "--m4s.keycloak.store-console-secret=" + TestKeycloak.storeConsoleSecret());
    }
}
