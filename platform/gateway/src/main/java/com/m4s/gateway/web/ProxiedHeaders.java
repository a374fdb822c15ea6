package com.m4s.gateway.web;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a service sees of a request's headers and what the client sees of a service's answer, each made in one pass
 * over the headers.
 *
 * <ul>
 *   <li>Hop-by-hop headers (RFC 9110 §7.6.1: {@code Connection}, those it names, {@code Keep-Alive}, {@code TE},
 *   {@code Transfer-Encoding}, {@code Trailer}, {@code Upgrade}, {@code Proxy-Authorization},
 *   {@code Proxy-Authenticate}) are dropped both ways.</li>
 *   <li>On the way in, {@code Forwarded} and every {@code X-Forwarded-*} the client sent are dropped — a client could
 *   otherwise name any address for the audit trail — and the gateway's own are set: {@code X-Forwarded-For} the
 *   client's address (the TCP peer, or what the gateway's forwarded-header handling made of it behind a load
 *   balancer, as the rate limits see it), {@code X-Forwarded-Proto}, {@code -Host} and {@code -Port} as the client
 *   addressed the gateway. The services read them ({@code server.forward-headers-strategy: framework}): the audit
 *   trail's address (decision 0006) and the links they build name the client and the public address.</li>
 * </ul>
 *
 * <p>They replace Spring Cloud Gateway's hop-by-hop, {@code Forwarded} and {@code X-Forwarded} removal filters
 * ({@link GatewayHeaderFilters}), which copied the headers once each per request (7–10 % of the gateway's CPU on a
 * proxied request) and, with no trusted proxies configured, sent the services no client address at all.
 */
public final class ProxiedHeaders {

    /** Hop-by-hop headers, any case; Spring Cloud Gateway's list ({@code x-application-context} included). */
    static final Set<String> HOP_BY_HOP = caseInsensitive(List.of(HttpHeaders.CONNECTION, "Keep-Alive",
            HttpHeaders.TRANSFER_ENCODING, HttpHeaders.TE, HttpHeaders.TRAILER, HttpHeaders.PROXY_AUTHORIZATION,
            HttpHeaders.PROXY_AUTHENTICATE, HttpHeaders.UPGRADE, "X-Application-Context"));

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String FORWARDED_HOST = "X-Forwarded-Host";
    static final String FORWARDED_PORT = "X-Forwarded-Port";
    private static final String X_FORWARDED = "X-Forwarded-";

    /** After the gateway's other header filters (transfer-encoding normalization reads what is dropped here). */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1;

    private ProxiedHeaders() {
    }

    /** The request's headers as the service gets them. */
    public static HttpHeadersFilter request() {
        return new Filter(HttpHeadersFilter.Type.REQUEST);
    }

    /** The service's answer's headers as the client gets them. */
    public static HttpHeadersFilter response() {
        return new Filter(HttpHeadersFilter.Type.RESPONSE);
    }

    static HttpHeaders toService(HttpHeaders input, ServerHttpRequest request) {
        HttpHeaders output = copyWithout(input, true);
        URI uri = request.getURI();
        String address = clientAddress(request.getRemoteAddress());
        if (address != null) {
            output.set(FORWARDED_FOR, address);
        }
        String scheme = uri.getScheme();
        if (scheme != null) {
            output.set(FORWARDED_PROTO, scheme);
        }
        String host = input.getFirst(HttpHeaders.HOST);
        if (host != null) {
            output.set(FORWARDED_HOST, host);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        output.set(FORWARDED_PORT, Integer.toString(port));
        return output;
    }

    static HttpHeaders toClient(HttpHeaders input) {
        return copyWithout(input, false);
    }

    private static HttpHeaders copyWithout(HttpHeaders input, boolean forwarded) {
        List<String> connection = input.getConnection();
        HttpHeaders output = new HttpHeaders();
        for (Map.Entry<String, List<String>> header : input.headerSet()) {
            String name = header.getKey();
            if (HOP_BY_HOP.contains(name) || (forwarded && isForwarded(name)) || named(connection, name)) {
                continue;
            }
            output.addAll(name, header.getValue());
        }
        return output;
    }

    private static boolean isForwarded(String name) {
        return name.regionMatches(true, 0, X_FORWARDED, 0, X_FORWARDED.length())
                || name.equalsIgnoreCase("Forwarded");
    }

    /** Whether {@code Connection} names the header (its options are header names, any case). */
    private static boolean named(List<String> connection, String name) {
        for (String option : connection) {
            if (option.strip().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String clientAddress(@Nullable InetSocketAddress remote) {
        if (remote == null) {
            return null;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private static Set<String> caseInsensitive(List<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }

    private record Filter(HttpHeadersFilter.Type type) implements HttpHeadersFilter, Ordered {

        @Override
        public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
            return type == HttpHeadersFilter.Type.REQUEST ? toService(input, exchange.getRequest()) : toClient(input);
        }

        @Override
        public boolean supports(HttpHeadersFilter.Type candidate) {
            return candidate == type;
        }

        @Override
        public int getOrder() {
            return ORDER;
        }
    }
}
