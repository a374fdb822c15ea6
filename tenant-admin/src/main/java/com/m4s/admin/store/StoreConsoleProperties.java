package com.m4s.admin.store;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param url base URL of store-console's internal API (timeouts and token: {@code m4s.http.clients.store-console}
 *     and {@code m4s.http.clients.store-console-provisioning})
 */
@Validated
@ConfigurationProperties("m4s.store-console")
record StoreConsoleProperties(@NotNull URI url) {
}
