package com.m4s.platform.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.jspecify.annotations.Nullable;

/**
 * Boot's Liquibase integration for a service schema ({@code admin}, {@code console}) that may not exist yet: the
 * schema is created first, then the changelog runs with its tracking tables inside that schema, never in
 * {@code public}. Being a {@link SpringLiquibase}, JPA still waits for it.
 *
 * <p>Run as the schema's owner ({@link MigrationLogin}), it then grants the service's login the use of the tables:
 * on each table, those of SELECT, INSERT, UPDATE and DELETE that the owner holds itself (so a table the owner made
 * append-only stays append-only for the login too), never the Liquibase tracking tables. Repeated on every start,
 * so tables added by later change sets are covered.
 */
public class SchemaCreatingLiquibase extends SpringLiquibase {

    private static final String SCHEMA_NAME = "[a-z][a-z0-9_]{0,62}";

    private @Nullable String grantee;

    /** Liquibase for {@code schema}, tracking tables included, from a classpath changelog, as the given login. */
    public static SpringLiquibase forSchema(MigrationLogin login, String schema, String changelog) {
        SchemaCreatingLiquibase liquibase = (SchemaCreatingLiquibase) forSchema(login.dataSource(), schema, changelog);
        String app = login.appRole();
        if (app != null && !app.matches(SCHEMA_NAME)) {
            throw new IllegalStateException("not a plain role name: " + app);
        }
        liquibase.grantee = app;
        return liquibase;
    }

    /** Liquibase for {@code schema}, tracking tables included, from a classpath changelog. */
    public static SpringLiquibase forSchema(DataSource dataSource, String schema, String changelog) {
        SpringLiquibase liquibase = new SchemaCreatingLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog(changelog);
        liquibase.setDefaultSchema(schema);
        liquibase.setLiquibaseSchema(schema);
        return liquibase;
    }

    @Override
    public void afterPropertiesSet() throws LiquibaseException {
        String schema = getDefaultSchema();
        if (schema == null || !schema.matches(SCHEMA_NAME)) {
            throw new IllegalStateException("a plain default schema is required, got " + schema);
        }
        try (Connection c = getDataSource().getConnection(); Statement s = c.createStatement()) {
            // an owner without CREATE on the database finds the schema made for it (create ... if not exists would
            // still need that privilege)
            if (!exists(c, schema)) {
                s.execute("create schema if not exists " + schema);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create schema " + schema, e);
        }
        super.afterPropertiesSet();
        if (grantee != null) {
            grant(schema, grantee);
        }
    }

    private void grant(String schema, String app) {
        try (Connection c = getDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("grant usage on schema " + schema + " to " + app);
            s.execute("""
                    do $$
                    declare
                        t record;
                        p text;
                    begin
                        for t in select c.oid::regclass as rel from pg_class c
                                 join pg_namespace n on n.oid = c.relnamespace
                                 where n.nspname = '%1$s' and c.relkind in ('r', 'p', 'v')
                                   and c.relname not in ('databasechangelog', 'databasechangeloglock') loop
                            foreach p in array array['SELECT', 'INSERT', 'UPDATE', 'DELETE'] loop
                                if has_table_privilege(current_user, t.rel, p) then
                                    execute format('grant %%s on %%s to %2$s', p, t.rel);
                                end if;
                            end loop;
                        end loop;
                    end $$""".formatted(schema, app));
            s.execute("grant usage, select on all sequences in schema " + schema + " to " + app);
            s.execute("revoke all on " + schema + ".databasechangelog, " + schema + ".databasechangeloglock from "
                    + app);
        } catch (SQLException e) {
            throw new IllegalStateException("could not grant " + app + " the tables of schema " + schema, e);
        }
    }

    private static boolean exists(Connection c, String schema) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
            q.setString(1, schema);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }
}
