package com.m4s.store.support;

import com.m4s.platform.test.Api;
import com.m4s.platform.test.TestPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for tests that drive the real service over HTTP against a real PostgreSQL database of their own (one per
 * test class). Subclasses call {@link #provision(String)} for the stores they need.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class StoreConsoleTest {

    protected static TestPostgres.Database database;

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        database = TestPostgres.register(registry);
    }

    @LocalServerPort
    protected int port;

    protected Api api() {
        return new Api("http://127.0.0.1:" + port);
    }

    /** Provisions a store through the internal API and fails the test if that does not succeed. */
    protected void provision(String store) {
        Api.Response response = api().put("/internal/stores/" + store, "");
        if (response.status() != 200) {
            throw new AssertionError("provisioning " + store + " failed: " + response.raw());
        }
    }
}
