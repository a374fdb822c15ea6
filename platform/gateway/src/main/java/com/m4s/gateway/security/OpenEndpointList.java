package com.m4s.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The API endpoints the gateway lets through without a token: exactly the services' {@code @Open} endpoints, as
 * each service's {@code OpenEndpointListTest} writes them into {@code open-endpoints/<service>.txt} (one
 * {@code METHOD /path/{pattern}} a line, {@code #} comments). The gateway keeps no list of its own; a service that
 * opens or closes an endpoint fails its build until the file says the same (decision 0018).
 */
final class OpenEndpointList {

    static final String LOCATION = "classpath*:open-endpoints/*.txt";

    private OpenEndpointList() {
    }

    /** Every open endpoint listed on the class path, as {@code METHOD pattern}. */
    static List<String> read() {
        List<String> endpoints = new ArrayList<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                endpoints.addAll(parse(file.getContentAsString(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION, e);
        }
        return endpoints;
    }

    static List<String> parse(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** One open endpoint: its method and path pattern. */
    private record Endpoint(HttpMethod method, PathPattern path) {
    }

    /**
     * Matches a request for one of the endpoints (method and path); nothing when the list is empty. Checked first on
     * every request, so it is one loop over parsed patterns rather than Spring's "or" of path matchers, a reactive
     * stream per pattern with a debug message each (4 % of the gateway's CPU on a proxied read while Commons Logging's
     * SLF4J bridge formatted every message whatever the level; see {@code LevelFirstLogFactory}).
     */
    static ServerWebExchangeMatcher matcher(List<String> endpoints) {
        List<Endpoint> list = new ArrayList<>();
        for (String endpoint : endpoints) {
            String[] parts = endpoint.split("\\s+");
            if (parts.length != 2 || !parts[1].startsWith("/api/")) {
                throw new IllegalArgumentException("not 'METHOD /api/...': " + endpoint);
            }
            list.add(new Endpoint(HttpMethod.valueOf(parts[0]), PathPatternParser.defaultInstance.parse(parts[1])));
        }
        return exchange -> {
            ServerHttpRequest request = exchange.getRequest();
            PathContainer path = request.getPath().pathWithinApplication();
            for (Endpoint e : list) {
                if (e.method().equals(request.getMethod()) && e.path().matches(path)) {
                    return ServerWebExchangeMatcher.MatchResult.match();
                }
            }
            return ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }
}
