package com.m4s.gateway.security;

import com.m4s.gateway.web.Causes;
import com.m4s.gateway.web.Problems;
import com.m4s.platform.security.token.AuthorizedParty;
import com.m4s.platform.security.token.BearerHeader;
import com.m4s.platform.security.token.HeaderText;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway checks every {@code /api/**} request's bearer token (a JWT of the Keycloak realm {@code m4s}: RS256
 * signature against the realm's JWKS, issuer, expiry, issued to one of the platform's clients) before routing it, and relays the {@code Authorization} header
 * unchanged: the services behind it are resource servers themselves and check the same token again. The web UI,
 * its configuration, the OpenAPI documents and the health endpoint are open, and of the API exactly the endpoints the
 * services mark {@code @Open} ({@link OpenEndpointList}, e.g. owner sign-up); everything else is refused. No
 * sessions, no CSRF (no cookies are used for authentication).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfig {

    /** Allowed difference between this machine's clock and Keycloak's when checking {@code exp}/{@code nbf}. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(10);

    static final String REALM = "m4s";

    static final String[] OPEN = {"/", "/index.html", "/assets/**", "/favicon.svg", "/console", "/console/**",
        "/group", "/group/**", "/app", "/app/**", "/ui-config.json", "/openapi/**", "/actuator/health", "/actuator/health/**"};


    /**
     * No observation of each security filter, authentication and authorization (a tenth of the gateway's CPU on a
     * proxied request); requests stay timed as a whole ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
        ServerAuthenticationEntryPoint entryPoint = problemEntryPoint();
        ServerAccessDeniedHandler accessDenied = problemAccessDeniedHandler();
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // keep caching as the services (and the web UI's resources) say; Spring Security would otherwise
                // mark every response without cache headers "no-store", hashed UI assets included
                .headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
                // the API first: nearly every request is one, and the open paths never start with /api
                .authorizeExchange(exchanges -> exchanges
                        .matchers(OpenEndpointList.matcher(OpenEndpointList.read())).permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .pathMatchers(OPEN).permitAll()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(SecurityConfig::bearerToken)
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .build();
    }

    /** The {@code Authorization: Bearer} token, read by the same rule as Spring's converter, without its regex. */
    static Mono<Authentication> bearerToken(ServerWebExchange exchange) {
        return Mono.fromCallable(() -> BearerHeader.token(
                exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION)))
                .map(BearerTokenAuthenticationToken::new);
    }

    /**
     * Spring Security's strict firewall with its default rules for header names, header values and parameter names
     * checked without regular expressions ({@link HeaderText}): same answers, a fraction of the time on a request
     * that carries a 1.5 KB access token.
     */
    @Bean
    ServerWebExchangeFirewall exchangeFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        HeaderText.install(firewall::setAllowedHeaderNames, firewall::setAllowedHeaderValues,
                firewall::setAllowedParameterNames);
        return firewall;
    }

    /**
     * Tokens are checked against the realm's JWKS (fetched on first use, then cached; not needed at start-up) and
     * must carry the realm's issuer, be within their validity (with {@link #CLOCK_SKEW}) and be issued to one of the
     * platform's clients ({@code m4s.security.allowed-clients}, {@link AuthorizedParty}). A token checked once is
     * remembered until it expires ({@link VerifiedTokenCache}).
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuerUri,
            @Value("${" + AuthorizedParty.PROPERTY + ":m4s-web,m4s-cli,m4s-tenant-admin,m4s-store-console,m4s-dms-*}")
            List<String> clients,
            @Value("${m4s.gateway.identity-provider-timeout:2s}") Duration keySetTimeout) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri)
                .webClient(keySetClient(keySetTimeout)).build();
        decoder.setJwtValidator(jwtValidator(issuerUri, clients));
        // Nimbus reports an unreachable JWKS as IllegalStateException("Could not obtain the keys"), which would end
        // as a bare 500; name it so the error handling can answer 503.
        ReactiveJwtDecoder checked = token -> decoder.decode(token)
                .onErrorMap(SecurityConfig::isKeySetFailure, IdentityProviderUnavailableException::new);
        return new VerifiedTokenCache(checked, CLOCK_SKEW, Clock.systemUTC());
    }

    /**
     * The client that fetches the key set: bounded in connecting and in waiting for the answer, so that a Keycloak
     * that accepts the connection and then hangs costs a request at most {@code timeout} before it is answered 503
     * (Spring's default client would wait for ever).
     */
    static WebClient keySetClient(Duration timeout) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .responseTimeout(timeout);
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    private static boolean isKeySetFailure(Throwable error) {
        if (error instanceof JwtException) {
            return false;
        }
        return Causes.any(error, t -> t instanceof WebClientException || t instanceof IOException);
    }

    /** Expiry and not-before with {@link #CLOCK_SKEW}, the issuer, and the platform's own clients. */
    static OAuth2TokenValidator<Jwt> jwtValidator(String issuerUri) {
        return jwtValidator(issuerUri, AuthorizedParty.PLATFORM_CLIENTS);
    }

    /** Expiry and not-before with {@link #CLOCK_SKEW}, the issuer, and {@code azp} one of {@code clients}. */
    static OAuth2TokenValidator<Jwt> jwtValidator(String issuerUri, List<String> clients) {
        return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(CLOCK_SKEW),
                new JwtIssuerValidator(issuerUri), new AuthorizedParty(clients));
    }

    /** 401 with the standard {@code WWW-Authenticate: Bearer ...} header and a problem body. */
    static ServerAuthenticationEntryPoint problemEntryPoint() {
        BearerTokenServerAuthenticationEntryPoint bearer = new BearerTokenServerAuthenticationEntryPoint();
        bearer.setRealmName(REALM);
        return (exchange, failure) -> bearer.commence(withoutCompletion(exchange), failure)
                .then(Mono.defer(() -> Problems.write(exchange, statusOr(exchange, HttpStatus.UNAUTHORIZED),
                        Problems.UNAUTHENTICATED, unauthenticatedDetail(failure), Map.of())));
    }

    /** 403 with {@code WWW-Authenticate: Bearer error="insufficient_scope" ...} and a problem body. */
    static ServerAccessDeniedHandler problemAccessDeniedHandler() {
        BearerTokenServerAccessDeniedHandler bearer = new BearerTokenServerAccessDeniedHandler();
        bearer.setRealmName(REALM);
        return (exchange, denied) -> bearer.handle(withoutCompletion(exchange), denied)
                .then(Mono.defer(() -> Problems.write(exchange, statusOr(exchange, HttpStatus.FORBIDDEN),
                        Problems.ACCESS_DENIED, Problems.detail(Problems.ACCESS_DENIED), Map.of())));
    }

    private static MessageSourceResolvable unauthenticatedDetail(AuthenticationException failure) {
        return Problems.variant(Problems.UNAUTHENTICATED,
                failure instanceof AuthenticationCredentialsNotFoundException ? "no-token" : "refused");
    }

    private static HttpStatusCode statusOr(ServerWebExchange exchange, HttpStatus fallback) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        return status != null && status.isError() ? status : fallback;
    }

    /**
     * Spring Security's bearer handlers set the status and {@code WWW-Authenticate}, then complete the response; this
     * view of the exchange ignores that completion so that the problem body can still be written.
     */
    private static ServerWebExchange withoutCompletion(ServerWebExchange exchange) {
        ServerHttpResponse response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                return Mono.empty();
            }
        };
        return exchange.mutate().response(response).build();
    }
}
