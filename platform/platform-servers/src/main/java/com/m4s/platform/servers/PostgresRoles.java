package com.m4s.platform.servers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The database roles the services log in with, created or brought up to date in one database by a privileged
 * connection (a superuser, or a role with CREATEROLE that may grant what is listed here). Safe to run again on every
 * start: it creates what is missing, resets the passwords and attributes, and takes over what an older installation
 * left to the superuser (schemas and tables of a service, store roles).
 *
 * <p>Per service: an <em>owner</em> login that owns the service's schema and runs its migrations, and an
 * <em>app</em> login the service serves requests with. Neither is a superuser. The app login has no privileges of
 * its own beyond what the owner grants it after each migration; for a schema-per-store service it is a member of
 * every store role with the SET option only (it may {@code set role} to a store, never inherit a store's rights), and
 * the owner may create store roles (CREATEROLE, which on PostgreSQL 16+ reaches only the roles it created or was
 * given ADMIN on) and store schemas (CREATE on the database).
 */
public final class PostgresRoles {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** A role that logs in. */
    public record Login(String name, String password) {
        public Login {
            requireIdentifier(name);
            if (password == null || password.isBlank()) {
                throw new IllegalArgumentException("login " + name + " needs a password");
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * One service's logins.
     *
     * @param schema the service's own schema ({@code admin}, {@code console})
     * @param storeRolePrefix for a service that keeps stores in schemas {@code store_<code>} owned by roles
     *     {@code <prefix><code>}: that prefix; null for a service without store schemas
     */
    public record Service(String schema, Login owner, Login app, String storeRolePrefix) {
        public Service {
            requireIdentifier(schema);
            if (storeRolePrefix != null) {
                requireIdentifier(storeRolePrefix);
            }
        }
    }

    private PostgresRoles() {
    }

    /** The roles of the platform's two database services with their usual names. */
    public static List<Service> standard(String adminOwner, String adminApp, String consoleOwner, String consoleApp) {
        return List.of(
                new Service("admin", new Login("m4s_admin_owner", adminOwner), new Login("m4s_admin_app", adminApp),
                        null),
                new Service("console", new Login("m4s_console_owner", consoleOwner),
                        new Login("m4s_console_app", consoleApp), "m4s_store_"));
    }

    /** Creates or updates the services' roles and schemas in the database {@code connection} is connected to. */
    public static void ensure(Connection connection, List<Service> services) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            String database = database(s);
            for (Service service : services) {
                boolean createsStores = service.storeRolePrefix() != null;
                login(s, service.owner(), createsStores);
                login(s, service.app(), false);
                if (createsStores) {
                    s.execute("grant create on database " + quote(database) + " to " + service.owner().name());
                }
                s.execute("create schema if not exists " + service.schema() + " authorization "
                        + service.owner().name());
                s.execute("alter schema " + service.schema() + " owner to " + service.owner().name());
                takeOver(s, service.schema(), service.owner().name());
                if (createsStores) {
                    for (String storeRole : storeRoles(connection, service.storeRolePrefix())) {
                        s.execute("grant " + storeRole + " to " + service.owner().name()
                                + " with admin option, set true, inherit false");
                        s.execute("grant " + storeRole + " to " + service.app().name()
                                + " with set true, inherit false");
                    }
                }
            }
        }
    }

    private static void login(Statement s, Login login, boolean createRole) throws SQLException {
        String attributes = " login nosuperuser nocreatedb " + (createRole ? "createrole" : "nocreaterole")
                + " noinherit noreplication nobypassrls password " + literal(login.password());
        if (!exists(s, login.name())) {
            try {
                s.execute("create role " + login.name() + attributes);
                return;
            } catch (SQLException e) {
                // roles are cluster-wide: another database's bootstrap may have just created it
                if (!"42710".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
        s.execute("alter role " + login.name() + " with" + attributes);
    }

    /**
     * Hands the objects in {@code schema} that another role owns (an installation that migrated as the superuser) to
     * the schema's owner. Sequences owned by a table column move with their table.
     */
    private static void takeOver(Statement s, String schema, String owner) throws SQLException {
        s.execute("""
                do $$
                declare
                    r record;
                begin
                    for r in select c.oid::regclass::text as name, c.relkind from pg_class c
                             join pg_namespace n on n.oid = c.relnamespace
                             where n.nspname = '%1$s' and c.relowner <> '%2$s'::regrole
                               and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
                               and not exists (select 1 from pg_depend d where d.objid = c.oid
                                               and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')
                                               and c.relkind = 'S') loop
                        execute format('alter %%s %%s owner to %2$s',
                            case r.relkind when 'S' then 'sequence' when 'v' then 'view'
                                 when 'm' then 'materialized view' when 'f' then 'foreign table' else 'table' end,
                            r.name);
                    end loop;
                    for r in select p.oid::regprocedure::text as name, p.prokind from pg_proc p
                             join pg_namespace n on n.oid = p.pronamespace
                             where n.nspname = '%1$s' and p.proowner <> '%2$s'::regrole loop
                        execute format('alter %%s %%s owner to %2$s',
                            case r.prokind when 'p' then 'procedure' else 'function' end, r.name);
                    end loop;
                end $$""".formatted(schema, owner));
    }

    /** Roles {@code <prefix><code>} owning a schema {@code store_<code>} of this database. */
    private static List<String> storeRoles(Connection c, String prefix) throws SQLException {
        List<String> roles = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("""
                select r.rolname from pg_namespace n join pg_roles r on r.oid = n.nspowner
                where n.nspname like 'store\\_%' and r.rolname = ? || substring(n.nspname from 7)
                order by 1""")) {
            q.setString(1, prefix);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    roles.add(requireIdentifier(rs.getString(1)));
                }
            }
        }
        return roles;
    }

    private static boolean exists(Statement s, String role) throws SQLException {
        try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = " + literal(role))) {
            return rs.next();
        }
    }

    private static String database(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String requireIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
        return name;
    }
}
