package com.m4s.platform.migration;

import com.m4s.platform.tenancy.SchemaPerTenantConnectionProvider;
import com.m4s.platform.tenancy.Tenant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and migrates store schemas. Every step is idempotent, so provisioning that failed half-way is simply run
 * again: the role and schema are created only if missing, and Liquibase applies only the change sets not yet applied.
 * Migrations run as the store's own role, so the store's tables belong to that role and to nobody else.
 *
 * <p>Connections are the owner's ({@link MigrationLogin}): a role with CREATEROLE and CREATE on the database, which
 * creates the store role (and so holds ADMIN on it), makes itself and the service's login members of it with the SET
 * option only, and creates the schema owned by the store role. The service's login may then {@code set role} to the
 * store but never holds the store's rights as its own.
 */
public class StoreSchemas {

    private static final Logger log = LoggerFactory.getLogger(StoreSchemas.class);
    private static final String DUPLICATE_OBJECT = "42710";
    private static final String DUPLICATE_SCHEMA = "42P06";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String LOCK_PREFIX = "m4s-store-schema:";

    private final DataSource dataSource;
    private final @Nullable String appRole;
    private final String changelog;

    /** The outcome of migrating many stores: which failed and why, and how long it took. */
    public record Report(int stores, List<String> failed, Duration took) {
    }

    public StoreSchemas(MigrationLogin login, String changelog) {
        this.dataSource = login.dataSource();
        this.appRole = login.appRole();
        this.changelog = changelog;
    }

    /** Creates the store's role and schema if missing, then migrates it. Safe to repeat and to run concurrently. */
    public void provision(Tenant tenant) {
        locked(tenant, c -> {
            try (Statement s = c.createStatement()) {
                ignoring(s, "create role " + tenant.role() + " nologin", DUPLICATE_OBJECT, UNIQUE_VIOLATION);
                s.execute("grant " + tenant.role() + " to current_user with set true, inherit false");
                if (appRole != null) {
                    s.execute("grant " + tenant.role() + " to " + appRole + " with set true, inherit false");
                }
                ignoring(s, "create schema if not exists " + tenant.schema() + " authorization " + tenant.role(),
                        DUPLICATE_SCHEMA, UNIQUE_VIOLATION);
            }
            update(c, tenant);
        });
    }

    /** Applies pending change sets to one store, as the store's role. */
    public void migrate(Tenant tenant) {
        locked(tenant, c -> update(c, tenant));
    }

    private interface Step {
        void run(Connection c) throws Exception;
    }

    /**
     * Runs {@code step} on one connection while holding a session-level advisory lock for the store, so two
     * instances provisioning or migrating the same store take turns instead of racing on the same DDL.
     */
    private void locked(Tenant tenant, Step step) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_lock(hashtext(?))")) {
                lock.setString(1, LOCK_PREFIX + tenant.storeCode());
                lock.execute();
            }
            try {
                step.run(c);
            } finally {
                try (PreparedStatement unlock = c.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
                    unlock.setString(1, LOCK_PREFIX + tenant.storeCode());
                    unlock.execute();
                }
            }
        } catch (Exception e) {
            throw new MigrationFailedException(tenant, e);
        }
    }

    private void update(Connection c, Tenant tenant) throws Exception {
        SchemaPerTenantConnectionProvider.enter(c, tenant);
        try {
            try (Statement s = c.createStatement()) {
                // as the schema's owner: nobody else may even look into it
                s.execute("revoke all on schema " + tenant.schema() + " from public");
            }
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new NonClosingConnection(c));
            database.setDefaultSchemaName(tenant.schema());
            database.setLiquibaseSchemaName(tenant.schema());
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(StoreSchemas.class.getClassLoader())), () ->
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                            .execute());
        } finally {
            SchemaPerTenantConnectionProvider.leave(c);
        }
    }

    /** Migrates every store with at most {@code parallelism} at once; one store's failure does not stop the others. */
    public Report migrateAll(List<Tenant> tenants, int parallelism) {
        long start = System.nanoTime();
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, tenants.size())));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Tenant tenant : tenants) {
                futures.add(pool.submit(() -> {
                    try {
                        migrate(tenant);
                    } catch (MigrationFailedException e) {
                        log.error("migration of store {} failed", tenant.storeCode(), e);
                        failed.add(tenant.storeCode());
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while migrating stores", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("store migration crashed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Report(tenants.size(), List.copyOf(failed), Duration.ofNanos(System.nanoTime() - start));
    }

    private static void ignoring(Statement s, String sql, String... sqlStates) throws SQLException {
        try {
            s.execute(sql);
        } catch (SQLException e) {
            for (String state : sqlStates) {
                if (state.equals(e.getSQLState())) {
                    return;
                }
            }
            throw e;
        }
    }

    /** Liquibase closes the connection it was given; this one goes back to the pool after its role is reset. */
    private static final class NonClosingConnection extends JdbcConnection {
        NonClosingConnection(Connection c) {
            super(c);
        }

        @Override
        public void close() {
            // the caller resets and returns the connection
        }
    }

    /** A store whose schema could not be created or migrated; provisioning reports it and may be retried. */
    public static class MigrationFailedException extends RuntimeException {
        MigrationFailedException(Tenant tenant, Throwable cause) {
            super("store " + tenant.storeCode() + ": " + rootMessage(cause), cause);
        }

        private static String rootMessage(Throwable t) {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        }
    }
}
