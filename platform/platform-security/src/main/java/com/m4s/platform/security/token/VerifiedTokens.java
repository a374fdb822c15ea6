package com.m4s.platform.security.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The tokens that passed the full check (signature, issuer, validity), keyed by the whole token text, kept until they
 * expire: a browser sends the same token with every request for its lifetime, and verifying an RS256 signature and
 * parsing the claims again each time is most of what token security costs on a read. Any other text, a single
 * character changed included, is a different key and must be checked in full. A kept token is given back only while
 * it is valid ({@code exp} and {@code nbf} with the clock skew); after that the caller checks it again and the check
 * refuses it. Tokens without an expiry are never kept. At most {@value #MAX_TOKENS} tokens are kept (least recently
 * used go first), so the memory is bounded whatever the callers do. Decision 0012.
 *
 * <p>The servlet services' and the gateway's JWT decoders both keep their tokens here; they differ only in being
 * blocking or reactive.
 */
public final class VerifiedTokens {

    public static final int MAX_TOKENS = 5_000;
    /** Longer than any access token of the realm lives; a bound on memory, not on validity (see above). */
    private static final Duration KEEP_AT_MOST = Duration.ofMinutes(30);

    private final Clock clock;
    private final Duration clockSkew;
    private final Cache<String, Jwt> verified;

    public VerifiedTokens(Duration clockSkew, Clock clock) {
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(KEEP_AT_MOST).build();
    }

    /** The token as checked before, if it was and is still valid now; otherwise it must be checked in full. */
    public @Nullable Jwt valid(String token) {
        Jwt known = verified.getIfPresent(token);
        return known != null && validNow(known) ? known : null;
    }

    /** Keeps a token that has just passed the full check (a token without expiry is not kept). */
    public void checked(String token, Jwt jwt) {
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
    }

    private boolean validNow(Jwt jwt) {
        Instant now = clock.instant();
        @Nullable Instant expires = jwt.getExpiresAt();
        @Nullable Instant notBefore = jwt.getNotBefore();
        return expires != null && !now.isAfter(expires.plus(clockSkew))
                && (notBefore == null || !now.isBefore(notBefore.minus(clockSkew)));
    }
}
