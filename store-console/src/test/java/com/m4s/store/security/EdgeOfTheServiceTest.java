package com.m4s.store.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestKeycloak;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the service refuses before any feature sees it: tokens issued to clients other than the platform's own, and
 * request bodies over the size limit (413 problem, whether the client says the length or streams it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeOfTheServiceTest extends StoreConsoleTest {

    private static final String MEMBERS = "/api/stores/edge_store/members";

    @BeforeAll
    void store() {
        provision("edge_store");
    }

    @Test
    void aTokenOfAnotherClientOfTheRealmIsRejected() {
        // the realm's built-in admin-cli client hands out tokens for the same users, with the same roles
        HttpResponse<String> issued = TestKeycloak.tokenResponse(Map.of("grant_type", "password", "client_id",
                "admin-cli", "username", "operator", "password", TestKeycloak.DEMO_PASSWORD));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String foreign = JsonMapper.builder().build().readTree(issued.body()).path("access_token").asString();

        Api.Response r = anonymous().withToken(foreign).get(MEMBERS);

        assertThat(r.status()).as(r.raw()).isEqualTo(401);
        assertThat(r.problemType()).isEqualTo("unauthenticated");
        assertThat(api().get(MEMBERS).status()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemAndWritesNothing() {
        String big = "{\"profile\":{\"name\":\"大\",\"phone\":\"13600000301\",\"note\":\"" + "x".repeat(2_000_000)
                + "\"}}";

        Api.Response r = as(TestUsers.manager(GROUP, "edge_store")).post(MEMBERS, big);

        assertThat(r.status()).as(r.raw()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.problemType()).isEqualTo("payload-too-large");
        assertThat(api().get(MEMBERS + "?q=13600000301").json().path("totalElements").asLong()).isZero();
    }

    @Test
    void aStreamedBodyOverTheLimitIsA413Problem() throws Exception {
        byte[] big = ("{\"phone\":\"" + "1".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/stores/edge_store/owner-signup/codes"))
                .header("Content-Type", "application/json")
                // no Content-Length: the body arrives chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();

        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("payload-too-large");
    }
}
