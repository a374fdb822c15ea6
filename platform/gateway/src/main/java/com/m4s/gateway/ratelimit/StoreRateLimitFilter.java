package com.m4s.gateway.ratelimit;

import com.m4s.gateway.web.Problems;
import java.net.InetSocketAddress;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Limits {@code /api/stores/{store}/**} with {@link StoreRateLimiter}s (in memory, per gateway instance). Runs after
 * authentication (Spring Security's web filters come before any gateway filter), so requests without a valid token
 * never get here. A request with a token draws on its store's bucket; a request without one (the open owner
 * sign-up) draws on its client address's bucket and never on a store's, so nobody can use up a store's allowance
 * anonymously, and store codes named anonymously get no bucket (decision 0020). A request that finds its bucket
 * empty gets 429 with {@code Retry-After} and a problem body; one that passes carries {@code X-RateLimit-Remaining}.
 *
 * <p>The client address is the TCP peer: behind a load balancer, have the gateway take it from the forwarded
 * headers the balancer sets, or every anonymous caller shares the balancer's bucket.
 */
public final class StoreRateLimitFilter implements GlobalFilter, Ordered {

    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    /** Before the route's own filters, so the path seen is the one the client sent. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private static final PathPattern STORE_PATH = PathPatternParser.defaultInstance.parse("/api/stores/{store}/**");
    private static final PathPattern PHOTO_PATH =
            PathPatternParser.defaultInstance.parse("/api/stores/{store}/photos/{photo}/{size}");

    private final StoreRateLimiter stores;
    private final StoreRateLimiter anonymous;
    private final StoreRateLimiter photos;
    private final boolean enabled;

    /** @param anonymous buckets per client address, for requests without a token */
    public StoreRateLimitFilter(StoreRateLimiter stores, StoreRateLimiter anonymous, boolean enabled) {
        this(stores, anonymous, anonymous, enabled);
    }

    /** @param photos buckets per client address, for reads of signed photo links without a token */
    public StoreRateLimitFilter(StoreRateLimiter stores, StoreRateLimiter anonymous, StoreRateLimiter photos,
            boolean enabled) {
        this.stores = stores;
        this.anonymous = anonymous;
        this.photos = photos;
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
        return exchange.getPrincipal()
                .filter(p -> p instanceof Authentication a && a.isAuthenticated())
                .map(p -> true)
                .defaultIfEmpty(false)
                .flatMap(authenticated -> authenticated ? limitStore(exchange, chain, store)
                        : limitAnonymous(exchange, chain, isPhotoRead(exchange) ? photos : anonymous));
    }

    private Mono<Void> limitStore(ServerWebExchange exchange, GatewayFilterChain chain, String store) {
        TokenBucket.Decision decision = stores.tryAcquire(store);
        if (decision.allowed()) {
            exchange.getResponse().getHeaders().set(REMAINING_HEADER, Long.toString(decision.remaining()));
            return chain.filter(exchange);
        }
        long retryAfter = decision.retryAfterSeconds();
        return refuse(exchange, retryAfter, Problems.variant(Problems.RATE_LIMITED, "store", store,
                String.valueOf(stores.capacity()), rate(stores.refillPerSecond()), String.valueOf(retryAfter)),
                Map.of("store", store, "retryAfterSeconds", retryAfter));
    }

    private static boolean isPhotoRead(ServerWebExchange exchange) {
        return exchange.getRequest().getMethod() == org.springframework.http.HttpMethod.GET
                && PHOTO_PATH.matches(exchange.getRequest().getPath().pathWithinApplication());
    }

    private Mono<Void> limitAnonymous(ServerWebExchange exchange, GatewayFilterChain chain,
            StoreRateLimiter anonymous) {
        TokenBucket.Decision decision = anonymous.tryAcquire(clientAddress(exchange));
        if (decision.allowed()) {
            exchange.getResponse().getHeaders().set(REMAINING_HEADER, Long.toString(decision.remaining()));
            return chain.filter(exchange);
        }
        long retryAfter = decision.retryAfterSeconds();
        return refuse(exchange, retryAfter, Problems.variant(Problems.RATE_LIMITED, "anonymous",
                String.valueOf(anonymous.capacity()), rate(anonymous.refillPerSecond()), String.valueOf(retryAfter)),
                Map.of("retryAfterSeconds", retryAfter));
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, long retryAfter, MessageSourceResolvable detail,
            Map<String, Object> extensions) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        exchange.getResponse().getHeaders().set(REMAINING_HEADER, "0");
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, Problems.RATE_LIMITED, detail, extensions);
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static String rate(double perSecond) {
        return perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
    }
}
