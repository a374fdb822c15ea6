package com.m4s.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web UI generates its API types from {@code web-ui/openapi/<service>.json}; a service's snapshot test checks
 * the live document against that file, so a changed endpoint cannot silently break the UI's types. With
 * {@code -Dm4s.openapi.write=true} it rewrites the file first.
 */
public final class OpenApiSnapshot {

    private static final String REWRITE = "m4s.openapi.write";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private OpenApiSnapshot() {
    }

    /** @param service the module name, which is also the snapshot's file name */
    public static void assertMatches(Api anonymous, String service) throws IOException {
        Api.Response live = anonymous.get("/v3/api-docs");
        assertThat(live.status()).isEqualTo(200);
        JsonNode document = withoutServers(live.json());
        Path snapshot = Path.of(System.getProperty("m4s.home", "..")).resolve("web-ui/openapi/" + service + ".json");

        if (Boolean.getBoolean(REWRITE)) {
            Files.writeString(snapshot, JSON.writeValueAsString(document) + "\n");
        }

        assertThat(Files.exists(snapshot)).as(snapshot + " is missing; " + howToRefresh(service)).isTrue();
        assertThat(JSON.readTree(Files.readString(snapshot)))
                .as("the " + service + " API changed; " + howToRefresh(service))
                .isEqualTo(document);
    }

    /** The server list names the test's random port; it is not part of the contract. */
    private static JsonNode withoutServers(JsonNode document) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        copy.remove("servers");
        return copy;
    }

    private static String howToRefresh(String service) {
        return "refresh web-ui/openapi/" + service + ".json with `./mvnw -pl " + service + " -am verify "
                + "-Dtest=OpenApiSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false -D" + REWRITE + "=true`, "
                + "then rebuild web-ui (its API types are generated from that file)";
    }
}
