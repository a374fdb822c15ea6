package com.m4s.platform.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.sql.Statement;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pool for all stores. A connection handed out for a store switches to the store's database role and schema
 * before its first statement ({@link StoreConnection}): inside a transaction with {@code set local}, sent with the
 * transaction's {@code BEGIN} in one round trip and undone by its end, so there is nothing to reset on release;
 * outside one for the session, reset on release. A connection that cannot be reset is closed for good rather than
 * returned with a store's role.
 */
public class SchemaPerTenantConnectionProvider implements MultiTenantConnectionProvider<String> {

    private static final Logger log = LoggerFactory.getLogger(SchemaPerTenantConnectionProvider.class);

    private final DataSource dataSource;
    private final String rolePrefix;

    /** Stores whose names are derived once (every transaction of a store asks): more than any deployment has. */
    private static final int MAX_REMEMBERED = 100_000;
    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();

    public SchemaPerTenantConnectionProvider(DataSource dataSource, String rolePrefix) {
        this.dataSource = dataSource;
        this.rolePrefix = rolePrefix;
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String storeCode) throws SQLException {
        if (CurrentStoreResolver.NO_STORE.equals(storeCode)) {
            throw new TenantContext.NoTenantException();
        }
        Tenant tenant = tenants.get(storeCode);
        if (tenant == null) {
            tenant = Tenant.of(storeCode, rolePrefix);
            if (tenants.size() < MAX_REMEMBERED) {
                tenants.putIfAbsent(storeCode, tenant);
            }
        }
        return StoreConnection.wrap(dataSource.getConnection(), tenant);
    }

    @Override
    public void releaseConnection(String storeCode, Connection connection) throws SQLException {
        StoreConnection store = StoreConnection.of(connection);
        if (store != null) {
            release(store, storeCode);
            return;
        }
        try {
            leave(connection);
        } catch (SQLException e) {
            log.warn("could not reset a connection used by store {}; discarding it", storeCode, e);
            discard(connection);
            return;
        }
        connection.close();
    }

    /** Gives a store connection's pooled connection back, or discards it when what the store left cannot be ended. */
    static void release(StoreConnection store, String storeCode) throws SQLException {
        if (!store.markReleased()) {
            return;
        }
        try {
            store.release();
        } catch (SQLException e) {
            log.warn("could not reset a connection used by store {}; discarding it", storeCode, e);
            discard(store.pooled());
            return;
        }
        store.pooled().close();
    }

    /**
     * Switches role and schema for the session (until {@link #leave}); identifiers are validated by {@link Tenant},
     * so they are safe to inline.
     */
    public static void enter(Connection connection, Tenant tenant) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(enterStatement(tenant));
        }
    }

    /**
     * What {@link #enter} sends, for a caller that sends it together with its own statement; it gives
     * {@link #ENTER_RESULTS} results of its own, which such a caller passes over.
     *
     * <p>The search path is set with {@code set_config}, never with {@code SET search_path}: the JDBC driver reads a
     * {@code SET} (or {@code RESET}) naming {@code search_path} whose text differs from the last one it saw as a change
     * of schema and drops every statement it has prepared on the connection (PostgreSQL servers before 18 do not
     * report the setting). With the stores' switches alternating on a pooled connection, that was every posting's
     * every statement parsed and planned anew (decision 0001, "Prepared statements"). {@code set_config} is a
     * {@code SELECT} to the driver; the only search path statement it sees is {@link #LEAVE_STATEMENT}'s, always
     * the same text.
     */
    public static String enterStatement(Tenant tenant) {
        // identifiers validated by Tenant, safe to inline
        return "set role " + tenant.role() + "; select pg_catalog.set_config('search_path', '" + tenant.schema()
                + "', false)";
    }

    /** How many results {@link #enterStatement} gives (the role's, then the search path's one row). */
    public static final int ENTER_RESULTS = 2;

    /**
     * The switch for the current transaction only ({@link StoreConnection}): undone by the transaction's end. Like
     * {@link #enterStatement}, with {@code set_config} for the search path, and as many results.
     */
    static String localSwitchStatement(Tenant tenant) {
        return "set local role " + tenant.role() + "; select pg_catalog.set_config('search_path', '" + tenant.schema()
                + "', true)";
    }

    /** What {@link #leave} sends on a connection without an open transaction. */
    public static final String LEAVE_STATEMENT = "reset role; reset search_path";

    public static void leave(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            // SET is transactional: end any open transaction so the reset is not rolled back with it
            connection.rollback();
            connection.setAutoCommit(true);
        }
        try (Statement s = connection.createStatement()) {
            s.execute(LEAVE_STATEMENT);
        }
    }

    private static void discard(Connection connection) {
        try {
            // Hikari evicts a connection whose physical connection was aborted
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            log.debug("abort failed", e);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("close after abort failed", e);
        }
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean handlesConnectionSchema() {
        return true;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> unwrapType) {
        return unwrapType.isInstance(this) || unwrapType.isInstance(dataSource);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T unwrap(Class<T> unwrapType) {
        if (unwrapType.isInstance(this)) {
            return (T) this;
        }
        if (unwrapType.isInstance(dataSource)) {
            return (T) dataSource;
        }
        throw new IllegalArgumentException("cannot unwrap to " + unwrapType);
    }
}
