package com.m4s.platform.security;

import com.m4s.platform.security.token.VerifiedTokens;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that checks a token in full (signature, issuer, validity) once and then answers from
 * {@link VerifiedTokens} while the token is valid; any other text, and a token past its expiry, is checked in full
 * again by the delegate. The gateway's reactive decoder keeps its tokens the same way.
 */
public final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder delegate;
    private final VerifiedTokens verified;

    public VerifiedTokenCache(JwtDecoder delegate, Duration clockSkew, Clock clock) {
        this.delegate = delegate;
        this.verified = new VerifiedTokens(clockSkew, clock);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.valid(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = delegate.decode(token);
        verified.checked(token, jwt);
        return jwt;
    }
}
