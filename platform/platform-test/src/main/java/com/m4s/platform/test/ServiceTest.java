package com.m4s.platform.test;

import com.m4s.platform.servers.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.context.annotation.Import;

/**
 * Base for tests that drive a whole service over real HTTP against a real PostgreSQL, a real Keycloak and a real
 * Kafka (the service's outbox relay sends its events there). Test classes of one module share the application
 * context and its database (Spring caches the context); give each class its own store or group codes. The service's
 * clock is the {@link #clock}, back on real time after each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
@TestExecutionListeners(listeners = TestClockReset.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class ServiceTest {

    private static final Duration TOKEN_REUSE = Duration.ofMinutes(2);
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private record Token(String value, Instant fetched) {
    }

    /** Every database a context of this JVM was started on, by its JDBC URL. */
    private static final Map<String, TestPostgres.Database> DATABASES = new ConcurrentHashMap<>();

    /**
     * The database of the context the running test class uses. Spring starts a context (and so a database) only for
     * a configuration it has not cached, so this is set again for each test instance from its context.
     */
    protected static TestPostgres.Database database;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        database = TestPostgres.register(registry);
        DATABASES.put(database.url(), database);
        TestKeycloak.register(registry);
        TestKafka.register(registry);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    void databaseOfThisContext(Environment environment) {
        TestPostgres.Database own = DATABASES.get(environment.getProperty("spring.datasource.url"));
        if (own != null) {
            database = own;
        }
    }

    /** The running service's clock: move it instead of sleeping ({@link TestClock}). */
    @Autowired
    protected TestClock clock;

    /** No token at all. */
    protected Api anonymous() {
        return new Api("http://127.0.0.1:" + port);
    }

    /** As a user of the realm (demo users, or ones made with {@link TestUsers}); tokens are reused briefly. */
    protected Api as(String username) {
        return anonymous().withToken(token(username));
    }

    /** As the platform operator: may act everywhere. */
    protected Api api() {
        return as("operator");
    }

    /** As the tenant-admin service (client credentials). */
    protected Api asService() {
        Token token = TOKENS.compute("client:tenant-admin", (k, t) -> fresh(t) ? t : new Token(TestKeycloak
                .clientToken(TestKeycloak.TENANT_ADMIN_CLIENT, TestKeycloak.tenantAdminSecret()), Instant.now()));
        return anonymous().withToken(token.value());
    }

    protected static String token(String username) {
        return TOKENS.compute(username, (k, t) -> fresh(t) ? t
                : new Token(TestKeycloak.passwordToken(username, TestUsers.PASSWORD), Instant.now())).value();
    }

    private static boolean fresh(Token token) {
        return token != null && token.fetched().plus(TOKEN_REUSE).isAfter(Instant.now());
    }
}
