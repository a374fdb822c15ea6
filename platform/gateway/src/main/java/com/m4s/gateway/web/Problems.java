package com.m4s.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 {@code application/problem+json} bodies for the answers the gateway gives itself. */
public final class Problems {

    /** Prefix of every problem type the platform defines. */
    public static final String TYPE_BASE = "https://m4s.dev/problems/";
    public static final String UNAUTHENTICATED = TYPE_BASE + "unauthenticated";
    public static final String ACCESS_DENIED = TYPE_BASE + "access-denied";
    public static final String RATE_LIMITED = TYPE_BASE + "rate-limited";
    public static final String SERVICE_UNAVAILABLE = TYPE_BASE + "service-unavailable";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /**
     * Sets the status, writes the problem and completes the response. Headers set on the response before (such as
     * {@code WWW-Authenticate} or {@code Retry-After}) are kept.
     *
     * @param extensions further members of the problem object (may be empty)
     */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String type, String title,
            String detail, Map<String, ?> extensions) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        problem.putAll(extensions);
        byte[] body = JSON.writeValueAsBytes(problem);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
