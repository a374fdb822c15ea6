package com.m4s.platform.security;

import com.m4s.platform.security.token.BearerHeader;
import com.m4s.platform.security.token.HeaderText;
import com.m4s.platform.web.ProblemMessages;
import com.m4s.platform.web.ProblemWriter;
import java.util.List;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every servlet service is an OAuth2 resource server for realm {@code m4s}: stateless, bearer tokens only, health
 * and API documents open, endpoints marked {@link Open} open, everything else authenticated, then each endpoint's {@link Allow} is enforced.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServiceSecurityAutoConfiguration {

    static final String[] OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs",
        "/v3/api-docs/**", "/error"};

    @Bean
    ProblemWriter problemWriter(JsonMapper json, ProblemMessages messages) {
        return new ProblemWriter(json, messages);
    }

    @Bean
    OpenEndpoints openEndpoints(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        return new OpenEndpoints(() -> List.copyOf(mappings.orderedStream().toList()));
    }

    @Bean
    SecurityFilterChain serviceSecurity(HttpSecurity http, ProblemWriter problems, OpenEndpoints open)
            throws Exception {
        ProblemAuthenticationHandlers handlers = new ProblemAuthenticationHandlers(problems);
        // a bearer-token API: no session, no saved request to return to after a login page, no logout URL, no
        // servlet login API on the request (nothing calls getUserPrincipal; its wrapper sat under every header read)
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a.requestMatchers(OPEN).permitAll().requestMatchers(open).permitAll().anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(request -> BearerHeader.token(request.getHeader(HttpHeaders.AUTHORIZATION)))
                        .jwt(j -> j.jwtAuthenticationConverter(new CallerConverter()))
                        .authenticationEntryPoint(handlers).accessDeniedHandler(handlers)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(handlers.failureHandler());
                                return filter;
                            }
                        }))
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
        return http.build();
    }

    /**
     * No observation of each security filter, authentication and authorization: they timed every filter of the chain
     * with its own tags and cost a sixth of the service's CPU on a list request; requests stay timed as a whole
     * ({@code http.server.requests}), and refusals are counted by their problem responses.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's strict firewall with its default rules for header names, header values and parameter names
     * checked without regular expressions ({@link HeaderText}): same answers, a fraction of the time on a request
     * that carries a 1.5 KB access token.
     */
    @Bean
    WebSecurityCustomizer requestFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        HeaderText.install(firewall::setAllowedHeaderNames, firewall::setAllowedHeaderValues,
                firewall::setAllowedParameterNames);
        return web -> web.httpFirewall(firewall);
    }

    @Bean
    WebMvcConfigurer accessDeclarations(ProblemWriter problems) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AccessInterceptor(problems)).addPathPatterns("/api/**", "/internal/**");
            }
        };
    }
}
