package com.m4s.gateway.web;

import com.m4s.gateway.security.IdentityProviderUnavailableException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns "could not reach" failures into 503 {@code application/problem+json} of type
 * {@value Problems#SERVICE_UNAVAILABLE} instead of Spring Boot's generic 500:
 * <ul>
 * <li>the service behind a route refuses the connection, times out connecting or has an unknown host name;</li>
 * <li>the identity provider's key set (JWKS) cannot be fetched to check a token.</li>
 * </ul>
 * Runs before Spring Boot's error handler (order -1); anything else goes on to it.
 */
@Component
@Order(-2)
public class UnavailableServiceHandler implements WebExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UnavailableServiceHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route != null && isConnectFailure(ex)) {
            LOG.warn("{} {}: service of route {} ({}) unreachable: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), route.getId(), route.getUri(), ex.toString());
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
                    Problems.variant(Problems.SERVICE_UNAVAILABLE, "route", route.getId()),
                    Map.of("service", route.getId()));
        }
        if (ex instanceof IdentityProviderUnavailableException || ex instanceof AuthenticationServiceException) {
            LOG.warn("{} {}: access token could not be checked: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), ex.toString());
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
                    Problems.variant(Problems.SERVICE_UNAVAILABLE, "identity-provider"),
                    Map.of("service", "identity-provider"));
        }
        return Mono.error(ex);
    }

    private static boolean isConnectFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // ConnectException also covers Netty's connect timeout (io.netty.channel.ConnectTimeoutException)
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }
}
