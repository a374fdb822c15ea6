package com.m4s.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokenCacheTest {

    private static final Instant EXPIRES = Instant.parse("2026-11-22T08:05:00Z");

    private final List<String> checked = new ArrayList<>();
    private Instant now = EXPIRES.minus(Duration.ofMinutes(4));
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };
    /** "Verifies" tokens named valid-* until they expire, refuses all others, and counts its calls. */
    private final ReactiveJwtDecoder delegate = token -> Mono.defer(() -> {
        checked.add(token);
        if (!token.startsWith("valid-") || now.isAfter(EXPIRES.plus(SecurityConfig.CLOCK_SKEW))) {
            return Mono.error(new BadJwtException("refused " + token));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject(token).expiresAt(EXPIRES)
                .build());
    });
    private final VerifiedTokenCache cache = new VerifiedTokenCache(delegate, SecurityConfig.CLOCK_SKEW, clock);

    @Test
    void aTokenIsVerifiedOnceWhileValidAndAgainOnceExpired() {
        Jwt first = cache.decode("valid-a").block();
        assertThat(cache.decode("valid-a").block()).isSameAs(first);
        assertThat(checked).containsExactly("valid-a");

        now = EXPIRES.plus(SecurityConfig.CLOCK_SKEW).plusMillis(1);

        assertThatThrownBy(() -> cache.decode("valid-a").block()).isInstanceOf(BadJwtException.class);
        assertThat(checked).containsExactly("valid-a", "valid-a");
    }

    @Test
    void otherAndRefusedTokensAreCheckedEveryTime() {
        cache.decode("valid-a").block();

        assertThatThrownBy(() -> cache.decode("Valid-a").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("Valid-a").block()).isInstanceOf(BadJwtException.class);
        assertThat(cache.decode("valid-b").block().getSubject()).isEqualTo("valid-b");
        assertThat(checked).containsExactly("valid-a", "Valid-a", "Valid-a", "valid-b");
    }
}
