package com.m4s.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtValidatorTest {

    static final String ISSUER = "http://localhost:8180/realms/m4s";
    final OAuth2TokenValidator<Jwt> validator = SecurityConfig.jwtValidator(ISSUER);

    @Test
    void acceptsATokenOfTheRealmWithinItsLifetime() {
        assertThat(validator.validate(jwt(ISSUER, Instant.now().plusSeconds(60))).hasErrors()).isFalse();
    }

    @Test
    void toleratesTenSecondsOfClockSkew() {
        assertThat(validator.validate(jwt(ISSUER, Instant.now().minusSeconds(5))).hasErrors()).isFalse();
        assertThat(validator.validate(jwt(ISSUER, Instant.now().minusSeconds(15))).hasErrors()).isTrue();
    }

    @Test
    void refusesAnotherIssuer() {
        assertThat(validator.validate(jwt("http://localhost:8180/realms/other", Instant.now().plusSeconds(60)))
                .hasErrors()).isTrue();
    }

    @Test
    void refusesATokenIssuedToAClientThatIsNotThePlatforms() {
        Jwt foreign = Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER).claim("azp", "admin-cli")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).subject("operator").build();
        Jwt unnamed = Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).subject("operator").build();

        assertThat(validator.validate(foreign).hasErrors()).isTrue();
        assertThat(validator.validate(unnamed).hasErrors()).isTrue();
    }

    /** A store's DMS credential (decision 0034): the gateway passes its tokens like any other; store-console decides. */
    @Test
    void acceptsATokenOfAStoresDmsCredential() {
        Jwt dms = Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER).claim("azp", "m4s-dms-gz_tianhe")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                .subject("service-account-m4s-dms-gz_tianhe").build();

        assertThat(validator.validate(dms).hasErrors()).isFalse();
    }

    private static Jwt jwt(String issuer, Instant expiresAt) {
        return Jwt.withTokenValue("t").header("alg", "RS256").issuer(issuer).claim("azp", "m4s-web")
                .issuedAt(expiresAt.minusSeconds(300)).expiresAt(expiresAt).subject("operator").build();
    }
}
