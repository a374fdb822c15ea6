package com.m4s.platform.migration;

import com.m4s.platform.tenancy.SchemaPerTenantConnectionProvider;
import com.m4s.platform.tenancy.Tenant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.parser.ChangeLogParserFactory;
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
 *
 * <p>{@link #changelogFingerprint()} names the store changelog as this build has it; a store recorded as migrated
 * to that fingerprint has every change set of it applied, so start-up need not run Liquibase there again.
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
    private final AtomicLong liquibaseRuns = new AtomicLong();
    private volatile @Nullable String fingerprint;

    /** The outcome of migrating many stores: which failed and why, and how long it took. */
    public record Report(int stores, List<String> failed, Duration took) {
    }

    /** Told about each store of {@link #migrateAll(List, int, Progress)} as soon as it is done; called concurrently. */
    public interface Progress {

        void migrated(Tenant tenant);

        void failed(Tenant tenant, MigrationFailedException e);
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

    /**
     * The store changelog's fingerprint: a SHA-256 over every change set's file, id, author and checksum, in order.
     * Any new, removed or edited change set changes it. Computed once (parsing the changelog, no database); a
     * changelog with a {@code runAlways} change set gets a fingerprint of its own on every start, so every store
     * is migrated then, as that change set asks.
     */
    public String changelogFingerprint() {
        String known = fingerprint;
        if (known == null) {
            synchronized (this) {
                known = fingerprint;
                if (known == null) {
                    known = computeFingerprint();
                    fingerprint = known;
                }
            }
        }
        return known;
    }

    private String computeFingerprint() {
        try {
            var accessor = new ClassLoaderResourceAccessor(StoreSchemas.class.getClassLoader());
            DatabaseChangeLog parsed = Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), accessor), () ->
                    ChangeLogParserFactory.getInstance().getParser(changelog, accessor)
                            .parse(changelog, new ChangeLogParameters(), accessor));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (ChangeSet changeSet : parsed.getChangeSets()) {
                String line = changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor() + "::"
                        + changeSet.generateCheckSum(ChecksumVersion.latest()) + "\n";
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                if (changeSet.isAlwaysRun()) {
                    sha.update(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the store changelog " + changelog, e);
        }
    }

    /** How many times Liquibase ran against a store schema in this process (provisioning and migrations). */
    public long liquibaseRuns() {
        return liquibaseRuns.get();
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
        liquibaseRuns.incrementAndGet();
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
        return migrateAll(tenants, parallelism, new Progress() {
            @Override
            public void migrated(Tenant tenant) {
                // the report is enough
            }

            @Override
            public void failed(Tenant tenant, MigrationFailedException e) {
                // the report is enough
            }
        });
    }

    /**
     * Migrates every store with at most {@code parallelism} at once, telling {@code progress} about each store as
     * soon as it is done; one store's failure does not stop the others.
     */
    /**
     * Runs {@link #migrateAll(List, int, Progress)} on a daemon thread of its own ({@code store-migration}) and returns
     * that thread at once, so a service can serve its up-to-date stores meanwhile; {@code done} gets the report. An
     * interrupt (shutdown) stops it: stores not yet done are left to the next start, which the log says.
     */
    public Thread migrateAllInBackground(List<Tenant> tenants, int parallelism, Progress progress,
            java.util.function.Consumer<Report> done) {
        Thread thread = Thread.ofPlatform().name("store-migration").daemon().unstarted(() -> {
            try {
                done.accept(migrateAll(tenants, parallelism, progress));
            } catch (RuntimeException e) {
                log.warn("background migration of {} stores stopped: {}", tenants.size(), e.toString());
            }
        });
        thread.start();
        return thread;
    }

    public Report migrateAll(List<Tenant> tenants, int parallelism, Progress progress) {
        long start = System.nanoTime();
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, tenants.size())),
                Thread.ofPlatform().name("store-migration-", 1).daemon().factory());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Tenant tenant : tenants) {
                futures.add(pool.submit(() -> {
                    try {
                        migrate(tenant);
                    } catch (MigrationFailedException e) {
                        log.error("migration of store {} failed", tenant.storeCode(), e);
                        failed.add(tenant.storeCode());
                        progress.failed(tenant, e);
                        return;
                    }
                    try {
                        progress.migrated(tenant);
                    } catch (RuntimeException e) {
                        log.error("store {} was migrated but recording that failed", tenant.storeCode(), e);
                        failed.add(tenant.storeCode());
                        progress.failed(tenant, new MigrationFailedException(tenant, e));
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
