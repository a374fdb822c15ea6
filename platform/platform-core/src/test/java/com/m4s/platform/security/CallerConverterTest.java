package com.m4s.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** The caller's name as people read it, from the token's name claims (recorded in the audit trail). */
class CallerConverterTest {

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "none").subject("sub-1")
                .claim("preferred_username", "manager.gz_tianhe").issuedAt(Instant.EPOCH)
                .expiresAt(Instant.EPOCH.plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void aChineseNameIsFamilyNameThenGivenNameWithoutASpace() {
        Caller caller = CallerConverter.callerOf(token(Map.of("given_name", "晓峰", "family_name", "林",
                "name", "晓峰 林")));

        assertThat(caller.displayName()).isEqualTo("林晓峰");
        assertThat(caller.username()).isEqualTo("manager.gz_tianhe");
    }

    @Test
    void anotherNameIsTheNameClaimAsItIs() {
        assertThat(CallerConverter.callerOf(token(Map.of("given_name", "Lucy", "family_name", "Zhang",
                "name", "Lucy Zhang"))).displayName()).isEqualTo("Lucy Zhang");
    }

    @Test
    void aLoginWithoutANameHasNone() {
        assertThat(CallerConverter.callerOf(token(Map.of())).displayName()).isNull();
        assertThat(CallerConverter.callerOf(token(Map.of("name", " "))).displayName()).isNull();
    }
}
