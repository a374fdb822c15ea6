package com.m4s.store.identity;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the Keycloak Admin API of the realm is ({@code m4s.keycloak.*}; the client secret is read by the client
 * registration, not here).
 *
 * @param url Keycloak's base URL, e.g. {@code http://127.0.0.1:8180}
 * @param realm the realm whose users are the platform's logins
 */
@Validated
@ConfigurationProperties("m4s.keycloak")
record KeycloakAdminProperties(@NotBlank String url, @NotBlank String realm) {
}
