package com.m4s.store.tenant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code storeMigration}: always UP, since stores already up to date serve while the others are
 * migrated in the background and one store's failed migration does not stop the rest. Its details say how many
 * stores are still being migrated and which failed.
 */
@Component("storeMigration")
class StoreMigrationHealth implements HealthIndicator {

    private final StartupMigration migration;

    StoreMigrationHealth(StartupMigration migration) {
        this.migration = migration;
    }

    @Override
    public Health health() {
        return migration.progress().map(p -> Health.up()
                .withDetail("stores", p.stores())
                .withDetail("upToDate", p.upToDate())
                .withDetail("migrating", p.remaining())
                .withDetail("failed", p.failed())
                .build()).orElseGet(() -> Health.up().withDetail("migrating", "not checked yet").build());
    }
}
