package com.m4s.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that remembers the tokens it has fully checked (signature, issuer, validity), keyed by the
 * whole token text, until they expire: a browser sends the same token with every request for its lifetime, and
 * verifying an RS256 signature and parsing the claims again each time is most of what token security costs on a
 * read. Any other text, a single character changed included, is a different key and is checked in full. A remembered
 * token is given back only while it is valid ({@code exp} and {@code nbf} with the clock skew); after that the
 * delegate checks it again and refuses it. Tokens without an expiry are never remembered. At most
 * {@value #MAX_TOKENS} tokens are kept (least recently used go first), so the cache is small whatever the callers do.
 */
public final class VerifiedTokenCache implements JwtDecoder {

    static final int MAX_TOKENS = 5_000;
    /** Longer than any access token of the realm lives; a bound on memory, not on validity (see above). */
    private static final Duration KEEP_AT_MOST = Duration.ofMinutes(30);

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Duration clockSkew;
    private final Cache<String, Jwt> verified;

    public VerifiedTokenCache(JwtDecoder delegate, Duration clockSkew, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(KEEP_AT_MOST).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && validNow(known)) {
            return known;
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    private boolean validNow(Jwt jwt) {
        Instant now = clock.instant();
        @Nullable Instant expires = jwt.getExpiresAt();
        @Nullable Instant notBefore = jwt.getNotBefore();
        return expires != null && !now.isAfter(expires.plus(clockSkew))
                && (notBefore == null || !now.isBefore(notBefore.minus(clockSkew)));
    }
}
