package com.m4s.admin.openapi;

import com.m4s.platform.test.OpenApiSnapshot;
import com.m4s.platform.test.ServiceTest;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The live API document matches {@code web-ui/openapi/tenant-admin.json}, from which the UI's types are made. */
class OpenApiSnapshotTest extends ServiceTest {

    @Test
    void theCommittedSnapshotForTheWebUiMatchesTheLiveDocument() throws IOException {
        OpenApiSnapshot.assertMatches(anonymous(), "tenant-admin");
    }
}
