package com.m4s.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import com.m4s.platform.security.token.AuthorizedParty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Token checks: signature against the realm's keys (fetched from the JWKS URI on first use, not at start-up), issuer
 * of realm {@code m4s}, issued to one of the platform's clients ({@link AuthorizedParty},
 * {@code m4s.security.allowed-clients}), and expiry with a small clock skew ({@code m4s.security.clock-skew}, 10 s by
 * default, where Spring's default is a minute), judged by the service's {@link Clock}. A token checked once is
 * remembered until it expires ({@link VerifiedTokenCache}).
 */
@AutoConfiguration(beforeName =
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
public class TokenDecoderConfiguration {

    @Bean
    JwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwks,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            @Value("${m4s.security.clock-skew:10s}") Duration clockSkew, Clock clock,
            @Value("${" + AuthorizedParty.PROPERTY + ":m4s-web,m4s-cli,m4s-tenant-admin,m4s-store-console,m4s-dms-*}")
            List<String> clients) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwks).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(issuer),
                new AuthorizedParty(clients)));
        return new VerifiedTokenCache(decoder, clockSkew, clock);
    }
}
