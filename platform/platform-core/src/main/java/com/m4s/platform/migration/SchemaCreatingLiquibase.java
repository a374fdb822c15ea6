package com.m4s.platform.migration;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;

/**
 * Boot's Liquibase integration for a service schema ({@code admin}, {@code console}) that may not exist yet: the
 * schema is created first, then the changelog runs with its tracking tables inside that schema, never in
 * {@code public}. Being a {@link SpringLiquibase}, JPA still waits for it.
 */
public class SchemaCreatingLiquibase extends SpringLiquibase {

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
        if (schema == null || !schema.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalStateException("a plain default schema is required, got " + schema);
        }
        try (Connection c = getDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create schema " + schema, e);
        }
        super.afterPropertiesSet();
    }
}
