package com.m4s.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.test.OpenEndpointFile;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gateway lets through without a token exactly tenant-admin's {@code @Open} endpoints (today none). */
class OpenEndpointListTest {

    @Test
    void theGatewaysListIsTheServicesOpenEndpoints() throws IOException {
        List<String> open = OpenEndpointFile.openEndpoints("com.m4s.admin", "com.m4s.platform");

        assertThat(OpenEndpointFile.check("tenant-admin", open)).isEqualTo(open);
    }
}
