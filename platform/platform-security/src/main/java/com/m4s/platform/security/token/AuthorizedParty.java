package com.m4s.platform.security.token;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Accepts only tokens issued to one of the platform's own clients: the {@code azp} (authorized party) claim, which
 * Keycloak sets to the client that asked for the token, must be in the allow-list. Without this check any client of
 * the realm (its built-in {@code admin-cli}, a client added for another application) could obtain tokens for the
 * platform's users that the gateway and the services would accept.
 *
 * <p>An entry ending in {@code *} admits every client whose id starts with what precedes it: {@code m4s-dms-*} are
 * the stores' DMS credentials, made by store-console one per store (what such a token may do is decided by its role
 * and store, and store-console checks that it is the store's current credential).
 */
public final class AuthorizedParty implements OAuth2TokenValidator<Jwt> {

    /** The prefix of the stores' DMS clients, {@code m4s-dms-<store>}. */
    public static final String DMS_CLIENT_PREFIX = "m4s-dms-";

    /** The realm's clients of this platform ({@code infra/keycloak/m4s-realm.json}), and the stores' DMS clients. */
    public static final List<String> PLATFORM_CLIENTS = List.of("m4s-web", "m4s-cli", "m4s-tenant-admin",
            "m4s-store-console", DMS_CLIENT_PREFIX + "*");

    /** The property naming the allowed clients, in the gateway and in the services. */
    public static final String PROPERTY = "m4s.security.allowed-clients";

    private final Set<String> allowed;
    private final List<String> prefixes;

    public AuthorizedParty(Collection<String> allowed) {
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException(PROPERTY + " must name at least one client");
        }
        List<String> entries = allowed.stream().map(String::strip).toList();
        this.allowed = Set.copyOf(entries.stream().filter(e -> !e.endsWith("*")).toList());
        this.prefixes = entries.stream().filter(e -> e.endsWith("*")).map(e -> e.substring(0, e.length() - 1))
                .peek(p -> {
                    if (p.isEmpty()) {
                        throw new IllegalArgumentException(PROPERTY + ": '*' alone would admit every client");
                    }
                }).toList();
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String party = token.getClaimAsString("azp");
        if (party != null && admits(party)) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "The token was issued to client '" + party + "', which is not a client of this platform.", null));
    }

    private boolean admits(String party) {
        if (allowed.contains(party)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (party.startsWith(prefix) && party.length() > prefix.length()) {
                return true;
            }
        }
        return false;
    }
}
