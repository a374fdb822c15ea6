package com.m4s.platform.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class VerifiedTokensTest {

    private static final Duration SKEW = Duration.ofSeconds(10);
    private static final Instant ISSUED = Instant.parse("2026-11-22T08:00:00Z");
    private static final Instant EXPIRES = ISSUED.plus(Duration.ofMinutes(5));

    private final MutableClock clock = new MutableClock(ISSUED.plusSeconds(1));
    private final VerifiedTokens tokens = new VerifiedTokens(SKEW, clock);

    @Test
    void aCheckedTokenIsGivenBackByItsExactTextOnly() {
        Jwt jwt = jwt("a", null, EXPIRES);
        tokens.checked("a", jwt);

        assertThat(tokens.valid("a")).isSameAs(jwt);
        assertThat(tokens.valid("A")).isNull();
        assertThat(tokens.valid("a ")).isNull();
        assertThat(tokens.valid("b")).isNull();
    }

    @Test
    void aTokenIsGivenBackUntilItExpiresWithTheClockSkew() {
        tokens.checked("a", jwt("a", null, EXPIRES));

        clock.set(EXPIRES.plus(SKEW));
        assertThat(tokens.valid("a")).isNotNull();

        clock.set(EXPIRES.plus(SKEW).plusMillis(1));
        assertThat(tokens.valid("a")).isNull();
    }

    @Test
    void aTokenNotYetValidIsNotGivenBack() {
        Instant notBefore = clock.instant().plus(Duration.ofMinutes(1));
        tokens.checked("later", jwt("later", notBefore, notBefore.plus(Duration.ofMinutes(5))));

        assertThat(tokens.valid("later")).isNull();

        clock.set(notBefore.minus(SKEW));
        assertThat(tokens.valid("later")).isNotNull();
    }

    @Test
    void tokensWithoutExpiryAreNeverKept() {
        tokens.checked("forever", jwt("forever", null, null));

        assertThat(tokens.valid("forever")).isNull();
    }

    private static Jwt jwt(String token, Instant notBefore, Instant expires) {
        Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject(token).issuedAt(ISSUED);
        if (notBefore != null) {
            jwt.notBefore(notBefore);
        }
        if (expires != null) {
            jwt.expiresAt(expires);
        }
        return jwt.build();
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
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
