package com.m4s.platform.migration;

import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Where migrations connect: the owner's login, and the service's own login ({@code appRole}) that the owner grants
 * the use of the migrated tables to. When both are the same login, {@code appRole} is null and nothing is granted.
 *
 * @param dataSource connections as the owner (not pooled: migrations and provisioning are rare)
 * @param appRole the service's login role, or null when migrations run as that login
 */
public record MigrationLogin(DataSource dataSource, @Nullable String appRole) {

    /** Migrations as the service's own login (no separate owner). */
    public static MigrationLogin single(DataSource dataSource) {
        return new MigrationLogin(dataSource, null);
    }
}
