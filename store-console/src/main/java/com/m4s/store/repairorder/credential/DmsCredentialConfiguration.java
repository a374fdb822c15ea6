package com.m4s.store.repairorder.credential;

import com.m4s.platform.security.Caller;
import com.m4s.platform.security.CallerAuthentication;
import com.m4s.platform.security.Role;
import com.m4s.platform.web.ProblemWriter;
import com.m4s.store.identity.Identities;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The token endpoint the console shows, and the check of DMS tokens: in a store, a request whose caller has the role
 * {@code dms} goes on only when its token is of the store's active credential and of its latest secret
 * ({@link DmsCredentials#accepts}); else 401 {@code dms-credential-revoked}, whatever the endpoint.
 */
@Configuration(proxyBeanMethods = false)
class DmsCredentialConfiguration {

    @Bean
    DmsTokenEndpoint dmsTokenEndpoint(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        return DmsTokenEndpoint.below(issuer);
    }

    @Bean
    WebMvcConfigurer dmsCredentialCheck(DmsCredentials credentials, ProblemWriter problems) {
        HandlerInterceptor check = new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws Exception {
                Optional<Caller> caller = Caller.current();
                if (caller.isEmpty() || !caller.get().has(Role.DMS)) {
                    return true;
                }
                Jwt token = SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication a
                        ? a.getToken() : null;
                if (token != null && credentials.accepts(token.getClaimAsString("azp"),
                        token.getClaimAsString(Identities.CREDENTIAL_KEY_CLAIM))) {
                    return true;
                }
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "dms-credential-revoked");
                return false;
            }
        };
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(check).addPathPatterns("/api/stores/**");
            }
        };
    }
}
