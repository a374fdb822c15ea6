package com.m4s.platform.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * PostgreSQL from the binaries shipped in Maven artifacts. Data survives restarts when started on a data
 * directory; the embedded build runs with fsync off, which suits a laptop and tests, not production.
 */
public final class LocalPostgres implements LocalServer {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final String USER = "postgres";

    private final EmbeddedPostgres server;

    /**
     * System property: when {@code true}, the server loads {@code pg_stat_statements} (the benchmark turns it on to
     * show what each statement costs; it costs every statement a little, so nothing else does).
     */
    public static final String STATEMENT_STATISTICS = "m4s.postgres.statement-statistics";

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts PostgreSQL.
     *
     * @param dataDirectory where the cluster lives; kept between runs
     * @param port TCP port on 127.0.0.1, or 0 for any free port
     */
    public static LocalPostgres start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            Path work = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-binaries");
            Files.createDirectories(work);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(work.toFile())
                    .setServerConfig("max_connections", "300")
                    // the platform's statements are small and many (a page of a list): starting parallel workers
                    // costs more than the work they share, four times over for a search of 100,000 members
                    // (decision 0021); production servers should be configured the same way
                    .setServerConfig("max_parallel_workers_per_gather", "0")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (Boolean.getBoolean(STATEMENT_STATISTICS)) {
                // the benchmark's breakdown of where the server's time goes, statement by statement
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                // planning counted too: a statement planned at every call is a statement the driver does not reuse
                builder.setServerConfig("pg_stat_statements.track_planning", "on");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return new LocalPostgres(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    /** Creates the database unless it exists; returns its JDBC URL. */
    public String createDatabase(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, password());
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!rs.next()) {
                s.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
        return jdbcUrl(database);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public int port() {
        return server.getPort();
    }

    public String username() {
        return USER;
    }

    public String password() {
        return "postgres";
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String endpoint() {
        return jdbcUrl("postgres");
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
