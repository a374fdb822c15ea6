package com.m4s.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

class OpenEndpointListTest {

    private static boolean matches(ServerWebExchangeMatcher matcher, MockServerHttpRequest request) {
        return Boolean.TRUE.equals(matcher.matches(MockServerWebExchange.from(request))
                .map(ServerWebExchangeMatcher.MatchResult::isMatch).block());
    }

    @Test
    void theServicesListsOnTheClassPathAreRead() {
        assertThat(OpenEndpointList.read()).contains("POST /api/stores/{store}/owner-signup",
                "POST /api/stores/{store}/owner-signup/codes");
    }

    @Test
    void onlyTheListedMethodAndPathAreOpen() {
        ServerWebExchangeMatcher open = OpenEndpointList.matcher(OpenEndpointList.parse("""
                # comment
                POST /api/stores/{store}/owner-signup
                """));

        assertThat(matches(open, MockServerHttpRequest.post("/api/stores/gz_tianhe/owner-signup").build())).isTrue();
        assertThat(matches(open, MockServerHttpRequest.get("/api/stores/gz_tianhe/owner-signup").build())).isFalse();
        assertThat(matches(open, MockServerHttpRequest.post("/api/stores/gz_tianhe/owner-signupx").build())).isFalse();
        assertThat(matches(open, MockServerHttpRequest.post("/api/stores/gz_tianhe/members").build())).isFalse();
    }

    @Test
    void anEmptyListOpensNothingAndAPathOutsideTheApiIsRefused() {
        assertThat(matches(OpenEndpointList.matcher(List.of()),
                MockServerHttpRequest.post("/api/stores/a/owner-signup").build())).isFalse();
        assertThatThrownBy(() -> OpenEndpointList.matcher(List.of("GET /actuator/env")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
