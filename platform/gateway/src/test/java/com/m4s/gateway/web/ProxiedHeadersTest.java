package com.m4s.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ProxiedHeadersTest {

    private static final HttpHeadersFilter REQUEST = ProxiedHeaders.request();
    private static final HttpHeadersFilter RESPONSE = ProxiedHeaders.response();

    @Test
    void theServiceGetsTheClientsHeadersWithoutHopByHopOnesAndTheGatewaysForwardedHeadersInsteadOfTheClients() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
                .get("https://m4s.example/api/stores/gz_tianhe/members?page=0")
                .remoteAddress(new InetSocketAddress("198.51.100.7", 52114))
                .header("Host", "m4s.example")
                .header("Authorization", "Bearer abc")
                .header("Accept", "application/json")
                .header("Accept-Language", "zh-CN")
                .header("Connection", "keep-alive, X-Secret")
                .header("Keep-Alive", "timeout=5")
                .header("X-Secret", "next hop only")
                .header("TE", "trailers")
                .header("Upgrade", "h2c")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("x-forwarded-for", "203.0.113.9")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-FORWARDED-PREFIX", "/evil")
                .header("Forwarded", "for=203.0.113.9")
                .build());

        HttpHeaders toService = REQUEST.filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(toService.headerNames()).containsExactlyInAnyOrder("Host", "Authorization", "Accept",
                "Accept-Language", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port");
        assertThat(toService.get("X-Forwarded-For")).containsExactly("198.51.100.7");
        assertThat(toService.get("X-Forwarded-Proto")).containsExactly("https");
        assertThat(toService.get("X-Forwarded-Host")).containsExactly("m4s.example");
        assertThat(toService.get("X-Forwarded-Port")).containsExactly("443");
        assertThat(toService.get("Authorization")).containsExactly("Bearer abc");
        assertThat(REQUEST.supports(HttpHeadersFilter.Type.REQUEST)).isTrue();
        assertThat(REQUEST.supports(HttpHeadersFilter.Type.RESPONSE)).isFalse();
    }

    @Test
    void aPortTheClientNamedIsForwardedAsItIs() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
                .get("http://localhost:8080/api/admin/groups").header("Host", "localhost:8080")
                .remoteAddress(new InetSocketAddress("127.0.0.1", 40000)).build());

        HttpHeaders toService = REQUEST.filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(toService.get("X-Forwarded-Proto")).containsExactly("http");
        assertThat(toService.get("X-Forwarded-Host")).containsExactly("localhost:8080");
        assertThat(toService.get("X-Forwarded-Port")).containsExactly("8080");
        assertThat(toService.get("X-Forwarded-For")).containsExactly("127.0.0.1");
    }

    @Test
    void theClientGetsTheServicesAnswerWithoutHopByHopHeaders() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/admin/groups"));
        HttpHeaders answer = new HttpHeaders();
        answer.add("Content-Type", "application/json");
        answer.add("ETag", "\"3\"");
        answer.add("Transfer-Encoding", "chunked");
        answer.add("Connection", "keep-alive, X-Internal");
        answer.add("X-Internal", "node-2");
        answer.add("Proxy-Authenticate", "Basic realm=\"inner\"");
        answer.add("Trailer", "Expires");

        HttpHeaders toClient = RESPONSE.filter(answer, exchange);

        assertThat(toClient.headerNames()).containsExactlyInAnyOrder("Content-Type", "ETag");
        assertThat(RESPONSE.supports(HttpHeadersFilter.Type.RESPONSE)).isTrue();
        assertThat(RESPONSE.supports(HttpHeadersFilter.Type.REQUEST)).isFalse();
    }
}
