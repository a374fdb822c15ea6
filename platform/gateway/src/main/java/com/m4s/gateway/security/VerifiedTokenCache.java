package com.m4s.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A {@link ReactiveJwtDecoder} that remembers the tokens it has fully checked (signature, issuer, validity), keyed by
 * the whole token text, until they expire, so a browser's token is verified once and not with every request it
 * sends. Any other text is checked in full; a remembered token is given back only while {@code exp}/{@code nbf}
 * (with the clock skew) allow, after that the delegate checks it again and refuses it; tokens without an expiry and
 * refused tokens are never remembered; at most {@value #MAX_TOKENS} are kept. The services do the same
 * (platform-core's {@code VerifiedTokenCache}).
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    static final int MAX_TOKENS = 5_000;
    private static final Duration KEEP_AT_MOST = Duration.ofMinutes(30);

    private final ReactiveJwtDecoder delegate;
    private final Duration clockSkew;
    private final Clock clock;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS)
            .expireAfterWrite(KEEP_AT_MOST).build();

    VerifiedTokenCache(ReactiveJwtDecoder delegate, Duration clockSkew, Clock clock) {
        this.delegate = delegate;
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && validNow(known)) {
            return Mono.just(known);
        }
        return delegate.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null) {
                verified.put(token, jwt);
            }
        });
    }

    private boolean validNow(Jwt jwt) {
        Instant now = clock.instant();
        Instant expires = jwt.getExpiresAt();
        Instant notBefore = jwt.getNotBefore();
        return expires != null && !now.isAfter(expires.plus(clockSkew))
                && (notBefore == null || !now.isBefore(notBefore.minus(clockSkew)));
    }
}
