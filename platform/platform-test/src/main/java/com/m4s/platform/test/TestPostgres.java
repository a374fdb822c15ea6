package com.m4s.platform.test;

import com.m4s.platform.servers.LocalPostgres;
import com.m4s.platform.servers.PostgresRoles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL server per test JVM: a Testcontainers container where a Docker engine answers, otherwise the
 * embedded server from Maven artifacts. Each caller gets a database of its own, so test classes never see each
 * other's rows. Set {@code -Dm4s.test.servers=local} or {@code docker} to force a side.
 *
 * <p>Each database gets the services' own logins as a deployment has them ({@link PostgresRoles}): a service under
 * test logs in as {@code m4s_<service>_app} and migrates as {@code m4s_<service>_owner} (the names its
 * {@code application.yml} defaults to), all with one password made up per test run. The test's own connections
 * ({@link Database#connect()}) are the server's superuser.
 */
public final class TestPostgres {

    /**
     * Where a test connects.
     *
     * @param username the server's superuser, for the test's own connections
     * @param loginPassword the password of the services' logins and owners in this test run
     */
    public record Database(String url, String username, String password, String loginPassword) {

        /** A connection as the server's superuser. */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }
    }

    private interface Server {
        String url(String database);

        String username();

        String password();
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Local to this test run: the services' logins exist only on its throw-away server. */
    private static final String LOGIN_PASSWORD = "test-only-" + java.util.UUID.randomUUID();
    private static Server server;

    private TestPostgres() {
    }

    /** A new, empty database on the shared server. */
    public static synchronized Database newDatabase() {
        Server s = server();
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(s.url("postgres"), s.username(), s.password());
                Statement st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database", e);
        }
        Database database = new Database(s.url(name), s.username(), s.password(), LOGIN_PASSWORD);
        try (Connection c = database.connect()) {
            PostgresRoles.ensure(c, PostgresRoles.standard(LOGIN_PASSWORD, LOGIN_PASSWORD, LOGIN_PASSWORD,
                    LOGIN_PASSWORD));
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the services' logins", e);
        }
        StoreWriteLog.install(database);
        return database;
    }

    /**
     * Points a Spring Boot test's datasource at a new database. The service keeps its own login names (from its
     * {@code application.yml}); only the passwords of this test run are set.
     */
    public static Database register(DynamicPropertyRegistry registry) {
        Database db = newDatabase();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.password", db::loginPassword);
        registry.add("m4s.database.owner-password", db::loginPassword);
        return db;
    }

    private static Server server() {
        if (server == null) {
            server = useDocker() ? container() : local();
        }
        return server;
    }

    static boolean useDocker() {
        String forced = System.getProperty("m4s.test.servers", "auto").toLowerCase(Locale.ROOT);
        return switch (forced) {
            case "docker" -> true;
            case "local" -> false;
            default -> dockerAnswers();
        };
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Server container() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return new Server() {
            public String url(String database) {
                return "jdbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort() + "/" + database;
            }

            public String username() {
                return container.getUsername();
            }

            public String password() {
                return container.getPassword();
            }
        };
    }

    private static Server local() {
        try {
            Path dir = Files.createTempDirectory("m4s-test-pg");
            LocalPostgres pg = LocalPostgres.start(dir.resolve("data"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                pg.close();
                deleteTree(dir);
            }));
            return new Server() {
                public String url(String database) {
                    return pg.jdbcUrl(database);
                }

                public String username() {
                    return pg.username();
                }

                public String password() {
                    return pg.password();
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at shutdown
        }
    }
}
