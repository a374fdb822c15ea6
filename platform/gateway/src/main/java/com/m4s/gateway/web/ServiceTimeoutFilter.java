package com.m4s.gateway.web;

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
 * A service that accepted a request but did not answer within the route's response timeout
 * ({@code spring.cloud.gateway.server.webflux.httpclient.response-timeout}) is answered 504
 * {@value Problems#SERVICE_TIMEOUT} in the caller's language, naming the service, and logged; without it the caller
 * would get the framework's English "Gateway Timeout". Outermost of the route's filters, so it sees the failure of
 * the call to the service whichever filter is in between.
 */
@Component
public class ServiceTimeoutFilter implements GlobalFilter, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceTimeoutFilter.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(ServiceTimeoutFilter::isTimeout, ex -> {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            String service = route == null ? "unknown" : route.getId();
            LOG.warn("{} {}: service of route {} did not answer in time: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), service, ex.toString());
            return Problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, Problems.SERVICE_TIMEOUT,
                    Problems.detail(Problems.SERVICE_TIMEOUT, service), Map.of("service", service));
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
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof io.netty.handler.timeout.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
