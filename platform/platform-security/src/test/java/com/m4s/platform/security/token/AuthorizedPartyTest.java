package com.m4s.platform.security.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class AuthorizedPartyTest {

    private final AuthorizedParty party = new AuthorizedParty(AuthorizedParty.PLATFORM_CLIENTS);

    @Test
    void thePlatformsClientsAndTheStoresDmsClientsAreAdmittedNoOtherClient() {
        assertThat(admits("m4s-web")).isTrue();
        assertThat(admits("m4s-store-console")).isTrue();
        assertThat(admits("m4s-dms-gz_tianhe")).isTrue();
        assertThat(admits("m4s-dms-")).isFalse();
        assertThat(admits("admin-cli")).isFalse();
        assertThat(admits("m4s-webx")).isFalse();
        assertThat(admits("x-m4s-dms-gz_tianhe")).isFalse();
        assertThat(admits(null)).isFalse();
    }

    @Test
    void aStarAloneIsRefused() {
        assertThatThrownBy(() -> new AuthorizedParty(List.of("m4s-web", " * "))).isInstanceOf(
                IllegalArgumentException.class);
    }

    private boolean admits(String azp) {
        Jwt.Builder token = Jwt.withTokenValue("t").header("alg", "RS256").subject("s").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        if (azp != null) {
            token.claim("azp", azp);
        }
        return !party.validate(token.build()).hasErrors();
    }
}
