package com.m4s.platform.security;

import com.m4s.platform.web.ProblemWriter;
import com.m4s.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * 401 and 403 from Spring Security as problem+json, keeping the {@code WWW-Authenticate} header bearer-token
 * clients expect; and 503 {@code dependency-unavailable} when a token could not be checked at all because the
 * realm's signing keys could not be fetched (Keycloak slow or down): that is not the caller's fault, and Spring's
 * default rethrows it as a bare 500.
 */
public class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
    private final ProblemWriter problems;

    public ProblemAuthenticationHandlers(ProblemWriter problems) {
        this.problems = problems;
    }

    /**
     * The bearer-token filter's failure handler: every failure goes to {@link #commence}, a failed key fetch
     * included, instead of being rethrown to the servlet container.
     */
    public AuthenticationFailureHandler failureHandler() {
        AuthenticationEntryPointFailureHandler handler = new AuthenticationEntryPointFailureHandler(this);
        handler.setRethrowAuthenticationServiceException(false);
        return handler;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof AuthenticationServiceException) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable",
                    Problems.variant("dependency-unavailable", "token-keys", "Keycloak"));
            return;
        }
        bearer.commence(request, response, exception);
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                request.getHeader("Authorization") == null ? Problems.variant("unauthenticated", "no-token")
                        : Problems.variant("unauthenticated", "invalid-token", exception.getMessage()));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        bearerDenied.handle(request, response, exception);
        problems.write(request, response, HttpStatus.FORBIDDEN, "access-denied",
                Problems.variant("access-denied", "token"));
    }
}
