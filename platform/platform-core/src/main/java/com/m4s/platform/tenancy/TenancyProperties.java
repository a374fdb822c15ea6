package com.m4s.platform.tenancy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param rolePrefix prefix of every store's database role ({@code m4s_store_gz01}); distinct per deployment that
 *     shares a PostgreSQL cluster, since roles are cluster-wide
 * @param storeChangelog Liquibase master changelog of a store schema
 * @param migrationParallelism how many stores migrate at once at start-up
 */
@Validated
@ConfigurationProperties("m4s.tenancy")
public record TenancyProperties(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,20}") String rolePrefix,
        @NotBlank String storeChangelog,
        @Min(1) @Max(32) int migrationParallelism) {

    public TenancyProperties {
        rolePrefix = rolePrefix == null ? "m4s_store_" : rolePrefix;
        storeChangelog = storeChangelog == null ? "db/store/changelog.xml" : storeChangelog;
        migrationParallelism = migrationParallelism == 0 ? 4 : migrationParallelism;
    }

    public Tenant tenant(String storeCode) {
        return Tenant.of(storeCode, rolePrefix);
    }
}
