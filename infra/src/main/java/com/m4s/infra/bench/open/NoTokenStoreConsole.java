package com.m4s.infra.bench.open;

import com.m4s.platform.security.Caller;
import com.m4s.platform.security.CallerAuthentication;
import com.m4s.platform.security.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * A servlet service without token checks: every request runs as a fixed platform operator, no JWT is parsed or
 * verified. Ordered before the service's own filter chain, which then never sees a request. The service's
 * {@code @Allow} and store checks still run (they are in-process map look-ups).
 */
@Configuration(proxyBeanMethods = false)
public class NoTokenStoreConsole {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain benchmarkWithoutTokens(HttpSecurity http) throws Exception {
        Jwt unsigned = Jwt.withTokenValue("benchmark").header("alg", "none").subject("benchmark")
                .claim("preferred_username", "benchmark-operator").build();
        CallerAuthentication operator = new CallerAuthentication(unsigned, new Caller("benchmark",
                "benchmark-operator", Set.of(Role.PLATFORM_OPERATOR), null, Set.of(), null));
        return http.securityMatcher("/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore((request, response, chain) -> {
                    SecurityContextHolder.getContext().setAuthentication(operator);
                    chain.doFilter(request, response);
                }, AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }
}
