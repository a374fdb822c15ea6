package com.m4s.store.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.test.OpenEndpointFile;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gateway lets through without a token exactly store-console's {@code @Open} endpoints, no more, no fewer. */
class OpenEndpointListTest {

    @Test
    void theGatewaysListIsTheServicesOpenEndpoints() throws IOException {
        List<String> open = OpenEndpointFile.openEndpoints("com.m4s.store", "com.m4s.platform");

        assertThat(open).contains("POST /api/stores/{store}/owner-signup");
        assertThat(OpenEndpointFile.check("store-console", open)).isEqualTo(open);
    }
}
