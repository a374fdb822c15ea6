package com.m4s.admin.store;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param url base URL of store-console's internal API
 * @param provisioningTimeout how long one provisioning call may take (a new schema is migrated within it)
 */
@Validated
@ConfigurationProperties("m4s.store-console")
record StoreConsoleProperties(@NotNull URI url, @NotNull Duration provisioningTimeout) {
}
