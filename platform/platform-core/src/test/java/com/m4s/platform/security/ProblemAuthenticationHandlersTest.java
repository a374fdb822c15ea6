package com.m4s.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.web.ProblemMessages;
import com.m4s.platform.web.ProblemWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bearer-token filter as the services configure it: a token the realm's keys refute is 401, a token that cannot be
 * checked because the keys could not be fetched is 503 in the caller's language (it was a bare 500 before), and the
 * request goes no further in either case.
 */
class ProblemAuthenticationHandlersTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ProblemAuthenticationHandlers handlers = new ProblemAuthenticationHandlers(
            new ProblemWriter(json, ProblemMessages.onClasspath()));

    @Test
    void keysThatCannotBeFetchedAnswer503InTheCallersLanguage() throws Exception {
        AtomicBoolean passed = new AtomicBoolean();
        MockHttpServletResponse response = run(authentication -> {
            throw new AuthenticationServiceException("I/O error on GET request for \"…/certs\": Read timed out");
        }, passed);
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(problem.path("type").asString()).endsWith("/dependency-unavailable");
        assertThat(problem.path("detail").asString()).isEqualTo("无法从 Keycloak 取得令牌的签名密钥，暂时无法核对登录，请稍后重试。");
        assertThat(passed).as("the request went no further").isFalse();
    }

    @Test
    void aRefutedTokenIsStill401WithTheBearerChallenge() throws Exception {
        AtomicBoolean passed = new AtomicBoolean();
        MockHttpServletResponse response = run(authentication -> {
            throw new InvalidBearerTokenException("Jwt expired");
        }, passed);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(json.readTree(response.getContentAsString()).path("type").asString()).endsWith("/unauthenticated");
        assertThat(passed).isFalse();
    }

    private MockHttpServletResponse run(AuthenticationManager manager, AtomicBoolean passed) throws Exception {
        BearerTokenAuthenticationFilter filter = new BearerTokenAuthenticationFilter(manager);
        filter.setAuthenticationFailureHandler(handlers.failureHandler());
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/stores/s1/members");
        request.addHeader("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        request.addHeader("Accept-Language", "zh-CN");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> passed.set(true));
        return response;
    }
}
