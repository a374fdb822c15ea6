package com.m4s.platform.tenancy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A pooled connection lent to one store, which switches to the store's role and schema just before its first
 * statement. Inside a transaction (the usual case: every request's work runs in one) the switch is
 * {@code set local role ...; select set_config('search_path', ..., true)}: the driver sends it together with the transaction's
 * {@code BEGIN} in one round trip, and the transaction's end undoes it, so nothing is reset on release and a
 * connection can never go back to the pool as a store's. Used outside a transaction (auto-commit), the connection
 * switches for the session, as before, and {@link #release} resets it.
 *
 * <p>The switch goes to the server in the same round trip as the transaction's first statement when that is a
 * prepared statement run on its own ({@link SwitchingStatement}: {@code BEGIN}, the switch and the statement, one
 * round trip instead of two; decision 0001). Otherwise (a plain statement, a batch, a savepoint) it is sent first,
 * on its own. Everything else is passed to the pool's connection unchanged. The switch happens before any statement
 * runs (and before a savepoint, which a later {@code rollback to savepoint} would otherwise undo it with).
 */
final class StoreConnection implements InvocationHandler {

    private final Connection connection;
    private final Tenant tenant;
    private final String localSwitch;
    /** The role and schema are set for the current transaction. */
    private boolean switchedForTransaction;
    /** The role and schema are set for the session (auto-commit use): reset them on release. */
    private boolean switchedForSession;
    /** Given back to the pool (or discarded) already. */
    private boolean released;

    private StoreConnection(Connection connection, Tenant tenant) {
        this.connection = connection;
        this.tenant = tenant;
        this.localSwitch = SchemaPerTenantConnectionProvider.localSwitchStatement(tenant);
    }

    static Connection wrap(Connection connection, Tenant tenant) {
        return (Connection) Proxy.newProxyInstance(StoreConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new StoreConnection(connection, tenant));
    }

    /** The pool's connection behind {@code connection} and whether it must be reset; null when it is not ours. */
    static StoreConnection of(Connection connection) {
        return Proxy.isProxyClass(connection.getClass())
                && Proxy.getInvocationHandler(connection) instanceof StoreConnection store ? store : null;
    }

    Connection pooled() {
        return connection;
    }

    /** Marks the loan ended; false when it had ended already. */
    boolean markReleased() {
        if (released) {
            return false;
        }
        released = true;
        return true;
    }

    /**
     * Ends what this store left on the connection: an open transaction is rolled back, auto-commit restored and a
     * session switch reset. Throws when that fails; the caller then discards the connection.
     */
    void release() throws SQLException {
        if (switchedForSession) {
            SchemaPerTenantConnectionProvider.leave(connection);
            switchedForSession = false;
        } else if (!connection.getAutoCommit()) {
            // sends nothing when the transaction has ended, which is the usual case
            connection.rollback();
            connection.setAutoCommit(true);
        }
        switchedForTransaction = false;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "prepareStatement" -> {
                if (mustSwitch() && (args.length == 1 || args.length == 3
                        && args[1].equals(java.sql.ResultSet.TYPE_FORWARD_ONLY)
                        && args[2].equals(java.sql.ResultSet.CONCUR_READ_ONLY))) {
                    // Hibernate prepares its queries as forward only, read only: the driver's default
                    return SwitchingStatement.wrap(this, (String) args[0]);
                }
                switchRole();
            }
            case "createStatement", "prepareCall", "nativeSQL", "setSavepoint" -> switchRole();
            case "equals" -> {
                return proxy == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "toString" -> {
                return "StoreConnection[" + tenant.storeCode() + "] " + connection;
            }
            case "close" -> {
                // closed directly rather than through the provider: still never hand the pool a store's session
                SchemaPerTenantConnectionProvider.release(this, tenant.storeCode());
                return null;
            }
            default -> {
            }
        }
        Object result;
        try {
            result = method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        switch (method.getName()) {
            case "commit", "rollback" -> {
                if (args == null || args.length == 0) {
                    switchedForTransaction = false;
                }
            }
            case "setAutoCommit" -> {
                if (Boolean.TRUE.equals(args[0])) {
                    switchedForTransaction = false;
                }
            }
            default -> {
            }
        }
        return result;
    }

    /** Whether the statement about to run must switch first (nothing has in this transaction yet). */
    boolean mustSwitch() throws SQLException {
        return !switchedForTransaction && !switchedForSession && !connection.getAutoCommit();
    }

    /** What a transaction's first statement sends before its own: the switch for the transaction. */
    String localSwitch() {
        return localSwitch;
    }

    /** The first statement of a transaction ran with the switch in front of it. */
    void switchedWithStatement() {
        switchedForTransaction = true;
    }

    void switchRole() throws SQLException {
        if (switchedForTransaction || switchedForSession) {
            return;
        }
        if (connection.getAutoCommit()) {
            switchedForSession = true;
            SchemaPerTenantConnectionProvider.enter(connection, tenant);
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute(localSwitch);
        }
        switchedForTransaction = true;
    }
}
