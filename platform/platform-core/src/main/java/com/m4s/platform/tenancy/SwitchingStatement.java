package com.m4s.platform.tenancy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A prepared statement of a {@link StoreConnection} made before anything switched its transaction to the store.
 * Nothing is prepared on the pool's connection until it runs: the parameters and settings given meanwhile are kept
 * and given to the real statement then. Run on its own ({@code executeQuery}, {@code executeUpdate},
 * {@code execute}) while the transaction has still not switched, it is prepared as
 * {@code set local role …; select set_config('search_path', …, true); <the statement>}, which the driver sends as one batch of
 * messages (with the transaction's {@code BEGIN}): one round trip for the switch and the statement. The switch's own
 * two results are passed over, so the caller sees exactly the statement's. Used any other way (a batch, its
 * metadata), or once something else has switched, it is the plain statement, after the switch on its own as before.
 */
final class SwitchingStatement implements InvocationHandler {

    /** How many results the switch in front of the statement gives (the role's and the search path's). */
    private static final int SWITCH_RESULTS = SchemaPerTenantConnectionProvider.ENTER_RESULTS;
    /** Settings read back before the statement runs (Hibernate reads the fetch size it may have set). */
    private static final Set<String> SETTINGS_READ = Set.of("getFetchSize", "getMaxRows", "getLargeMaxRows",
            "getQueryTimeout", "getFetchDirection", "getResultSetType", "getResultSetConcurrency",
            "getResultSetHoldability", "isPoolable", "isCloseOnCompletion", "getMaxFieldSize", "getWarnings");
    private static final Set<String> RUN_ALONE = Set.of("executeQuery", "executeUpdate", "executeLargeUpdate",
            "execute");

    private final StoreConnection connection;
    private final String sql;
    private final List<Object[]> settings = new ArrayList<>();
    private final List<Method> setters = new ArrayList<>();
    private @Nullable PreparedStatement statement;
    /** The plain statement, prepared only to read settings back before it runs (the driver sends nothing). */
    private @Nullable PreparedStatement probe;
    private boolean closed;
    /** A fetch size asks the driver for a cursor, which it does not give a statement sent with others. */
    private boolean fetchesInParts;
    /** Prepared with the switch in front of the statement. */
    private boolean switchInFront;

    private SwitchingStatement(StoreConnection connection, String sql) {
        this.connection = connection;
        this.sql = sql;
    }

    static PreparedStatement wrap(StoreConnection connection, String sql) {
        return (PreparedStatement) Proxy.newProxyInstance(SwitchingStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, new SwitchingStatement(connection, sql));
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            // the same before and after it is prepared: Hibernate keeps its statements in a hash map
            case "equals" -> {
                return proxy == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "toString" -> {
                return "SwitchingStatement[" + sql + "]";
            }
            default -> {
            }
        }
        if (statement == null) {
            switch (name) {
                case "close" -> {
                    closed = true;
                    if (probe != null) {
                        probe.close();
                        probe = null;
                    }
                    return null;
                }
                case "isClosed" -> {
                    return closed;
                }
                case "getConnection" -> {
                    return connection.pooled();
                }
                default -> {
                }
            }
            if (closed) {
                throw new SQLException("statement is closed");
            }
            if (name.startsWith("set") && args != null || name.equals("clearParameters")) {
                if (name.equals("setFetchSize") && ((Integer) args[0]) > 0) {
                    fetchesInParts = true;
                }
                setters.add(method);
                settings.add(args == null ? new Object[0] : args);
                if (probe != null) {
                    call(probe, method, args);
                }
                return null;
            }
            if (SETTINGS_READ.contains(name)) {
                // answered by the plain statement, prepared (on the client only) with the settings given so far
                if (probe == null) {
                    probe = connection.pooled().prepareStatement(sql);
                    replay(probe);
                }
                return call(probe, method, args);
            }
            if (RUN_ALONE.contains(name) && args == null && !fetchesInParts && connection.mustSwitch()) {
                return runWithSwitch(name);
            }
            if (connection.mustSwitch()) {
                connection.switchRole();
            }
            if (probe != null) {
                statement = probe;
                probe = null;
            } else {
                prepare(sql);
            }
        } else if (switchInFront) {
            // prepared with the switch in front: run again alone, its results are still the third on
            if (RUN_ALONE.contains(name) && args == null) {
                return run(name);
            }
            if (name.equals("addBatch") || name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                throw new SQLException("a statement that ran alone with the store's switch cannot be batched");
            }
        }
        return call(statement, method, args);
    }

    private static @Nullable Object call(PreparedStatement target, Method method, Object @Nullable [] args)
            throws SQLException {
        try {
            return method.invoke(target, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sqlException) {
                throw sqlException;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void replay(PreparedStatement target) throws SQLException {
        for (int i = 0; i < setters.size(); i++) {
            call(target, setters.get(i), settings.get(i));
        }
    }

    private @Nullable Object runWithSwitch(String name) throws SQLException {
        if (probe != null) {
            probe.close();
            probe = null;
        }
        prepare(connection.localSwitch() + "; " + sql);
        switchInFront = true;
        Object result = run(name);
        connection.switchedWithStatement();
        return result;
    }

    private @Nullable Object run(String name) throws SQLException {
        PreparedStatement s = java.util.Objects.requireNonNull(statement);
        s.execute();
        for (int i = 0; i < SWITCH_RESULTS; i++) {
            s.getMoreResults();
        }
        ResultSet rows = s.getResultSet();
        return switch (name) {
            case "executeQuery" -> {
                if (rows == null) {
                    throw new SQLException("No results were returned by the query.", "02000");
                }
                yield rows;
            }
            case "executeUpdate", "executeLargeUpdate" -> {
                if (rows != null) {
                    throw new SQLException("A result was returned when none was expected.", "0100E");
                }
                long count = s.getLargeUpdateCount();
                yield name.equals("executeUpdate") ? (Object) (int) count : (Object) count;
            }
            default -> rows != null;
        };
    }

    private PreparedStatement prepare(String text) throws SQLException {
        PreparedStatement s = connection.pooled().prepareStatement(text);
        statement = s;
        replay(s);
        return s;
    }
}
