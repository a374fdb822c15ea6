package com.m4s.gateway.web;

import com.m4s.gateway.security.IdentityProviderUnavailableException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A token that cannot be checked because the identity provider's key set (JWKS) cannot be fetched is answered 503
 * {@code application/problem+json} of type {@value Problems#SERVICE_UNAVAILABLE} naming the identity provider,
 * instead of Spring Boot's generic 500. (The failures of the call to a route's service are
 * {@link RouteFailureFilter}'s.) Runs before Spring Boot's error handler (order -1); anything else goes on to it.
 */
@Component
@Order(-2)
public class IdentityProviderUnavailableHandler implements WebExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityProviderUnavailableHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
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
}
