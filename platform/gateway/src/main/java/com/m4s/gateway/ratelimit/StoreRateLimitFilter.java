package com.m4s.gateway.ratelimit;

import com.m4s.gateway.web.Problems;
import java.util.Locale;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Limits {@code /api/stores/{store}/**} per store code with a {@link StoreRateLimiter} (in memory, per gateway
 * instance). Runs after authentication (Spring Security's web filters come before any gateway filter), so requests
 * without a valid token never use up a store's tokens. A request that finds the bucket empty gets 429 with
 * {@code Retry-After} and a problem body; one that passes carries {@code X-RateLimit-Remaining} in its response.
 */
public final class StoreRateLimitFilter implements GlobalFilter, Ordered {

    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    /** Before the route's own filters, so the path seen is the one the client sent. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private static final PathPattern STORE_PATH = PathPatternParser.defaultInstance.parse("/api/stores/{store}/**");

    private final StoreRateLimiter limiter;
    private final boolean enabled;

    public StoreRateLimitFilter(StoreRateLimiter limiter, boolean enabled) {
        this.limiter = limiter;
        this.enabled = enabled;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!enabled) {
            return chain.filter(exchange);
        }
        PathPattern.PathMatchInfo match = STORE_PATH.matchAndExtract(exchange.getRequest().getPath().pathWithinApplication());
        if (match == null) {
            return chain.filter(exchange);
        }
        String store = match.getUriVariables().get("store");
        TokenBucket.Decision decision = limiter.tryAcquire(store);
        if (decision.allowed()) {
            exchange.getResponse().getHeaders().set(REMAINING_HEADER, Long.toString(decision.remaining()));
            return chain.filter(exchange);
        }
        long retryAfter = decision.retryAfterSeconds();
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        exchange.getResponse().getHeaders().set(REMAINING_HEADER, "0");
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, Problems.RATE_LIMITED, "Too many requests",
                String.format(Locale.ROOT, "Store '%s' has used up its request allowance (%d requests at once, "
                        + "%s more per second); retry in %d s.", store, limiter.capacity(),
                        rate(limiter.refillPerSecond()), retryAfter),
                Map.of("store", store, "retryAfterSeconds", retryAfter));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static String rate(double perSecond) {
        return perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
    }
}
