package com.m4s.platform.security;

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
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTest {

    private static final Duration SKEW = Duration.ofSeconds(10);
    private static final Instant ISSUED = Instant.parse("2026-11-22T08:00:00Z");

    /** A delegate that "verifies" tokens named valid-*, refuses all others, and counts its calls. */
    private final List<String> checked = new ArrayList<>();
    private final MutableClock clock = new MutableClock(ISSUED.plusSeconds(1));
    private Instant expiry = ISSUED.plus(Duration.ofMinutes(5));
    private final JwtDecoder delegate = token -> {
        checked.add(token);
        if (!token.startsWith("valid-") || clock.instant().isAfter(expiry.plus(SKEW))) {
            throw new BadJwtException("refused " + token);
        }
        Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject(token).issuedAt(ISSUED);
        return (token.contains("forever") ? jwt : jwt.expiresAt(expiry)).build();
    };
    private final VerifiedTokenCache cache = new VerifiedTokenCache(delegate, SKEW, clock);

    @Test
    void aTokenIsCheckedOnceWhileItIsValid() {
        Jwt first = cache.decode("valid-a");
        Jwt second = cache.decode("valid-a");

        assertThat(second).isSameAs(first);
        assertThat(checked).containsExactly("valid-a");
    }

    @Test
    void anyOtherTextIsCheckedInFull() {
        cache.decode("valid-a");

        assertThatThrownBy(() -> cache.decode("Valid-a")).isInstanceOf(BadJwtException.class);
        assertThat(cache.decode("valid-b").getSubject()).isEqualTo("valid-b");
        assertThat(checked).containsExactly("valid-a", "Valid-a", "valid-b");
    }

    @Test
    void anExpiredTokenIsCheckedAgainAndRefused() {
        cache.decode("valid-a");
        clock.set(expiry.plus(SKEW));
        cache.decode("valid-a");
        assertThat(checked).containsExactly("valid-a");

        clock.set(expiry.plus(SKEW).plusMillis(1));

        assertThatThrownBy(() -> cache.decode("valid-a")).isInstanceOf(BadJwtException.class);
        assertThat(checked).containsExactly("valid-a", "valid-a");
    }

    @Test
    void aTokenNotYetValidIsNotGivenBackFromMemory() {
        Instant notBefore = clock.instant().plus(Duration.ofMinutes(1));
        JwtDecoder future = token -> {
            checked.add(token);
            return Jwt.withTokenValue(token).header("alg", "RS256").subject(token).notBefore(notBefore)
                    .expiresAt(notBefore.plus(Duration.ofMinutes(5))).build();
        };
        VerifiedTokenCache cache = new VerifiedTokenCache(future, SKEW, clock);

        cache.decode("valid-later");
        cache.decode("valid-later");

        assertThat(checked).containsExactly("valid-later", "valid-later");
    }

    @Test
    void refusedTokensAndTokensWithoutExpiryAreNotRemembered() {
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        cache.decode("valid-forever");
        cache.decode("valid-forever");

        assertThat(checked).containsExactly("forged", "forged", "valid-forever", "valid-forever");
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

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
    }
}
