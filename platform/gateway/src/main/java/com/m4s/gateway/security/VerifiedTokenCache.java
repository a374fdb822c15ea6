package com.m4s.gateway.security;

import com.m4s.platform.security.token.VerifiedTokens;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A {@link ReactiveJwtDecoder} that checks a token in full (signature, issuer, validity) once and then answers from
 * {@link VerifiedTokens} while the token is valid, so a browser's token is verified once and not with every request
 * it sends; any other text, and a token past its expiry, is checked in full again by the delegate. The services'
 * decoders (platform-core) keep their tokens the same way.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final VerifiedTokens verified;

    VerifiedTokenCache(ReactiveJwtDecoder delegate, Duration clockSkew, Clock clock) {
        this.delegate = delegate;
        this.verified = new VerifiedTokens(clockSkew, clock);
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.valid(token);
        if (known != null) {
            return Mono.just(known);
        }
        return delegate.decode(token).doOnNext(jwt -> verified.checked(token, jwt));
    }
}
