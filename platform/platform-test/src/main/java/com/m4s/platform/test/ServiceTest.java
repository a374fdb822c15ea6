package com.m4s.platform.test;

import com.m4s.platform.servers.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for tests that drive a whole service over real HTTP against a real PostgreSQL. Test classes of one module
 * share the application context and its database (Spring caches the context); give each class its own store or
 * group codes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceTest {

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
}
