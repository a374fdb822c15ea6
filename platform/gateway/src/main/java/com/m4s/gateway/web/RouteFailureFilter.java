package com.m4s.gateway.web;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The failures of the call to the service behind a route, answered in the caller's language as a problem naming the
 * service, and logged (instead of Spring Boot's generic 500 or the framework's English "Gateway Timeout"):
 * <ul>
 * <li>503 {@value Problems#SERVICE_UNAVAILABLE}: the service refuses the connection, does not accept it within the
 * connect timeout, or has an unknown host name;</li>
 * <li>504 {@value Problems#SERVICE_TIMEOUT}: it accepted the request but did not answer within the route's response
 * timeout ({@code spring.cloud.gateway.server.webflux.httpclient.response-timeout}).</li>
 * </ul>
 * Outermost of the route's filters, so it sees the failure whichever filter is in between. (A failure before the
 * route, such as the identity provider's key set out of reach, is {@link IdentityProviderUnavailableHandler}'s.)
 */
@Component
public class RouteFailureFilter implements GlobalFilter, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFailureFilter.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(ex -> isTimeout(ex) || isConnectFailure(ex), ex -> {
            if (exchange.getResponse().isCommitted()) {
                return Mono.error(ex);
            }
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            String service = route == null ? "unknown" : route.getId();
            if (isTimeout(ex)) {
                LOG.warn("{} {}: service of route {} did not answer in time: {}", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), service, ex.toString());
                return Problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, Problems.SERVICE_TIMEOUT,
                        Problems.detail(Problems.SERVICE_TIMEOUT, service), Map.of("service", service));
            }
            LOG.warn("{} {}: service of route {} ({}) unreachable: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), service, route == null ? "?" : route.getUri(), ex.toString());
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
                    Problems.variant(Problems.SERVICE_UNAVAILABLE, "route", service), Map.of("service", service));
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /**
     * The routing filter's response timer ({@link TimeoutException}, which it wraps as a 504
     * {@code ResponseStatusException}), or Netty's read timeout of the gateway's client.
     */
    static boolean isTimeout(Throwable ex) {
        return Causes.any(ex,
                t -> t instanceof TimeoutException || t instanceof io.netty.handler.timeout.TimeoutException);
    }

    /** Refused, not accepted in time (Netty's connect timeout is a {@link ConnectException}), or an unknown host. */
    private static boolean isConnectFailure(Throwable ex) {
        return Causes.any(ex, t -> t instanceof ConnectException || t instanceof UnknownHostException);
    }
}
