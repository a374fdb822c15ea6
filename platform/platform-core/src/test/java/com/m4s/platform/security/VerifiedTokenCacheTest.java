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

/** The servlet decoder asks its delegate once per valid token; what is kept and for how long: VerifiedTokensTest. */
class VerifiedTokenCacheTest {

    private final List<String> asked = new ArrayList<>();
    private final Instant start = Instant.parse("2026-11-22T08:00:00Z");
    private final JwtDecoder keycloakCheck = token -> {
        asked.add(token);
        if (token.startsWith("forged")) {
            throw new BadJwtException("signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("u").expiresAt(start.plusSeconds(300)).build();
    };

    @Test
    void theDelegateIsAskedOncePerValidTokenAndEveryTimeForARefusedOne() {
        VerifiedTokenCache decoder = new VerifiedTokenCache(keycloakCheck, Duration.ZERO,
                Clock.fixed(start, ZoneOffset.UTC));

        Jwt jwt = decoder.decode("t1");
        assertThat(decoder.decode("t1")).isSameAs(jwt);
        assertThatThrownBy(() -> decoder.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged-1")).isInstanceOf(BadJwtException.class);

        assertThat(asked).containsExactly("t1", "forged-1", "forged-1");
    }

    @Test
    void anExpiredTokenGoesBackToTheDelegate() {
        VerifiedTokenCache early = new VerifiedTokenCache(keycloakCheck, Duration.ZERO,
                Clock.fixed(start, ZoneOffset.UTC));
        early.decode("t1");
        VerifiedTokenCache late = new VerifiedTokenCache(keycloakCheck, Duration.ZERO,
                Clock.fixed(start.plusSeconds(301), ZoneOffset.UTC));
        late.decode("t1");
        late.decode("t1");

        assertThat(asked).containsExactly("t1", "t1", "t1");
    }
}
