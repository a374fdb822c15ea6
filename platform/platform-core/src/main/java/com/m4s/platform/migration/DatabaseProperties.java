package com.m4s.platform.migration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The login migrations run with, when it differs from the service's own login ({@code spring.datasource.*}): the
 * owner of the service's schema, who may also create store roles and schemas. Without it, migrations use the
 * service's login (a single-login installation, e.g. one that still logs in as a superuser).
 *
 * @param ownerUsername the owner role ({@code M4S_DB_OWNER_USER}); blank for none
 * @param ownerPassword its password ({@code M4S_DB_OWNER_PASSWORD}), from the environment only
 */
@ConfigurationProperties("m4s.database")
public record DatabaseProperties(@Nullable String ownerUsername, @Nullable String ownerPassword) {

    boolean hasOwner() {
        return ownerUsername != null && !ownerUsername.isBlank();
    }
}
