package com.m4s.admin.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.ServiceTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web UI generates its API types from {@code web-ui/openapi/tenant-admin.json}; this test fails when the live
 * document no longer matches it, so a changed endpoint cannot silently break the UI's types.
 */
class OpenApiSnapshotTest extends ServiceTest {

    private static final String REWRITE = "m4s.openapi.write";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void theCommittedSnapshotForTheWebUiMatchesTheLiveDocument() throws IOException {
        Api.Response live = anonymous().get("/v3/api-docs");
        assertThat(live.status()).isEqualTo(200);
        JsonNode document = withoutServers(live.json());
        Path snapshot = Path.of(System.getProperty("m4s.home", "..")).resolve("web-ui/openapi/tenant-admin.json");

        if (Boolean.getBoolean(REWRITE)) {
            Files.writeString(snapshot, JSON.writeValueAsString(document) + "\n");
        }

        assertThat(Files.exists(snapshot)).as(snapshot + " is missing; " + howToRefresh()).isTrue();
        assertThat(JSON.readTree(Files.readString(snapshot)))
                .as("the tenant-admin API changed; " + howToRefresh())
                .isEqualTo(document);
    }

    /** The server list names this test's random port; it is not part of the contract. */
    private static JsonNode withoutServers(JsonNode document) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        copy.remove("servers");
        return copy;
    }

    private static String howToRefresh() {
        return "refresh web-ui/openapi/tenant-admin.json with `./mvnw -pl tenant-admin -am verify "
                + "-Dtest=OpenApiSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false -D" + REWRITE + "=true`, "
                + "then rebuild web-ui (its API types are generated from that file)";
    }
}
