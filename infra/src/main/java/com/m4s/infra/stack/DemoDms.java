package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The demo store's DMS credential (decision 0034), made through the API as its manager would make it, so the
 * store's 「DMS 对接」 page shows a credential in use and a developer can send repair orders as the DMS would. The
 * secret is shown once by the API; the demo keeps it in {@code dms-<store>.properties} of the stack's data
 * directory (with the token URL and the batch path). A credential that exists while that file is missing (the file
 * was deleted) is rotated to get a secret to keep; one that exists with its file is left as it is.
 */
final class DemoDms {

    private final Api api;
    private final Path dataDir;

    DemoDms(Api api, Path dataDir) {
        this.api = api;
        this.dataDir = dataDir;
    }

    /** The file holding the store's DMS credential, made now if needed. */
    Path ensure(String store) {
        String base = "/api/stores/" + store + "/dms-credential";
        Path file = dataDir.resolve("dms-" + store + ".properties");
        Api.Response shown = api.get(base);
        if (shown.status() != 200) {
            throw new IllegalStateException("demo DMS credential of " + store + ": " + shown.raw());
        }
        String status = shown.json().path("status").asString();
        if ("ACTIVE".equals(status) && Files.exists(file)) {
            return file;
        }
        Api.Response issued = "ACTIVE".equals(status) ? api.post(base + "/rotate", Map.of()) : api.post(base, Map.of());
        if (issued.status() != 200 && issued.status() != 201) {
            throw new IllegalStateException("demo DMS credential of " + store + ": " + issued.raw());
        }
        JsonNode answer = issued.json();
        String clientId = answer.path("clientId").asString();
        String text = """
                # the DMS credential of demo store %s (made by the demo data; rotate or revoke it on its 「DMS 对接」 page)
                # curl -s -d grant_type=client_credentials -d client_id=<clientId> -d client_secret=<clientSecret> <tokenUrl>
                clientId=%s
                clientSecret=%s
                tokenUrl=%s
                batchPath=%s
                """.formatted(store, clientId, answer.path("clientSecret").asString(),
                shown.json().path("tokenUrl").asString(), shown.json().path("batchPath").asString());
        try {
            Files.createDirectories(dataDir);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
