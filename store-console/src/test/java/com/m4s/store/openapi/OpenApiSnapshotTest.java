package com.m4s.store.openapi;

import com.m4s.platform.test.OpenApiSnapshot;
import com.m4s.store.support.StoreConsoleTest;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The live API document matches {@code web-ui/openapi/store-console.json}, from which the UI's types are made. */
class OpenApiSnapshotTest extends StoreConsoleTest {

    @Test
    void theCommittedSnapshotForTheWebUiMatchesTheLiveDocument() throws IOException {
        OpenApiSnapshot.assertMatches(anonymous(), "store-console");
    }
}
