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
 * {@code set local role ...; set local search_path to ...}: the driver sends it together with the transaction's
 * {@code BEGIN} in one round trip, and the transaction's end undoes it, so nothing is reset on release and a
 * connection can never go back to the pool as a store's. Used outside a transaction (auto-commit), the connection
 * switches for the session, as before, and {@link #release} resets it.
 *
 * <p>The switch goes to the server in the same round trip as the transaction's first statement when that is a
 * prepared statement run on its own ({@link SwitchingStatement}: {@code BEGIN}, the switch and the statement, one
 * round trip instead of two; decision 0001). Otherwise (a plain statement, a batch, a savepoint) it is sent first,
 * on its own. Everything else is passed to the pool's connection unchanged. The switch happens before any statement
 * runs (and before a savepoint, which a later {@code rollback to savepoint} would otherwise undo it with).
 *
 * <p>A read-only transaction at the default isolation (read committed: every statement reads its own snapshot
 * anyway) is not begun on the server at all: the connection stays in auto-commit, and each prepared statement run
 * on its own is sent with {@link #switchInFront()} in front, the store's role, its schema and read-only for the
 * implicit transaction that the two statements form (the driver sends them with one {@code Sync}). No
 * {@code BEGIN}, no {@code COMMIT}: a list page is one round trip instead of two, and nothing is left on the
 * session. Anything else such a transaction does (a plain statement, a batch, a cursor, a savepoint) begins it on
 * the server first ({@code BEGIN READ ONLY}), as any transaction.
 */
final class StoreConnection implements InvocationHandler {

    private final Connection connection;
    private final Tenant tenant;
    private final String localSwitch;
    private final String deferredSwitch;
    /** The role and schema are set for the current transaction. */
    private boolean switchedForTransaction;
    /** The role and schema are set for the session (auto-commit use): reset them on release. */
    private boolean switchedForSession;
    /** Given back to the pool (or discarded) already. */
    private boolean released;
    /** Read-only was asked for (the transaction about to begin is read-only). */
    private boolean readOnly;
    /** An isolation other than read committed was asked for during this loan: every transaction is begun. */
    private boolean isolationSet;
    /**
     * A read-only transaction the caller began that the server has not: the pool's connection is still in
     * auto-commit, and every statement switches on its own ({@link #switchInFront()}).
     */
    private boolean deferred;

    private StoreConnection(Connection connection, Tenant tenant) {
        this.connection = connection;
        this.tenant = tenant;
        // identifiers validated by Tenant, safe to inline
        this.localSwitch = "set local role " + tenant.role() + "; set local search_path to " + tenant.schema();
        this.deferredSwitch = "select set_config('role', '" + tenant.role() + "', true), set_config('search_path', '"
                + tenant.schema() + "', true), set_config('transaction_read_only', 'on', true)";
    }

    /**
     * What a deferred read-only transaction's statement is sent behind: {@code set local} warns outside a transaction
     * block (in the server's log, for every statement), {@code set_config(..., true)} sets the same for the implicit
     * transaction silently. One result.
     */
    static final int DEFERRED_SWITCH_RESULTS = 1;
    /** What the transaction switch in front of a statement gives: one result per {@code set local}. */
    static final int LOCAL_SWITCH_RESULTS = 2;

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
        deferred = false;
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
            case "setAutoCommit" -> {
                boolean autoCommit = (Boolean) args[0];
                if (!autoCommit && readOnly && !isolationSet && !switchedForSession && !deferred
                        && connection.getAutoCommit()) {
                    deferred = true;
                    return null;
                }
                if (autoCommit && deferred) {
                    deferred = false;
                    return null;
                }
            }
            case "getAutoCommit" -> {
                if (deferred) {
                    return false;
                }
            }
            case "commit", "rollback" -> {
                // nothing was begun on the server: nothing to end (the next statement is its own transaction again)
                if (deferred && (args == null || args.length == 0)) {
                    return null;
                }
            }
            case "setReadOnly" -> {
                readOnly = (Boolean) args[0];
                if (!readOnly && deferred) {
                    // the rest of the transaction may write: begin it on the server
                    begin();
                }
            }
            case "setTransactionIsolation" -> isolationSet |= !args[0].equals(Connection.TRANSACTION_READ_COMMITTED);
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

    /**
     * Whether the statement about to run must switch first: nothing has in this transaction yet, or the transaction
     * is deferred (each statement then switches for itself).
     */
    boolean mustSwitch() throws SQLException {
        return deferred || !switchedForTransaction && !switchedForSession && !connection.getAutoCommit();
    }

    /** What a statement run on its own sends in front of its own text: the switch for its transaction. */
    String switchInFront() {
        return deferred ? deferredSwitch : localSwitch;
    }

    /** How many results {@link #switchInFront()} gives before the statement's own. */
    int switchInFrontResults() {
        return deferred ? DEFERRED_SWITCH_RESULTS : LOCAL_SWITCH_RESULTS;
    }

    /** A statement ran with the switch in front of it: for the transaction, unless that is deferred. */
    void switchedWithStatement() {
        switchedForTransaction = !deferred;
    }

    /** Begins a deferred read-only transaction on the server: the next statement is sent after a {@code BEGIN}. */
    private void begin() throws SQLException {
        deferred = false;
        connection.setAutoCommit(false);
    }

    void switchRole() throws SQLException {
        if (deferred) {
            begin();
        }
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
