package com.m4s.gateway.security;

/**
 * The realm's key set (JWKS) could not be fetched, so a token could not be checked at all (as opposed to a token
 * found invalid). Deliberately not an {@code AuthenticationException}: it must not turn into a 401 but reach the
 * gateway's error handling, which answers 503.
 */
public class IdentityProviderUnavailableException extends RuntimeException {

    public IdentityProviderUnavailableException(Throwable cause) {
        super("The identity provider's key set cannot be fetched: " + cause.getMessage(), cause);
    }
}
