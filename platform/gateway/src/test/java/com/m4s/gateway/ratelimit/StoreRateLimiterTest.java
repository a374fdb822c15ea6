package com.m4s.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

class StoreRateLimiterTest {

    static final long SECOND = 1_000_000_000L;
    final AtomicLong clock = new AtomicLong(42 * SECOND);

    @Test
    void eachStoreHasItsOwnBucket() {
        StoreRateLimiter limiter = new StoreRateLimiter(2, 1, clock::get);

        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
        assertThat(limiter.tryAcquire("b").remaining()).isEqualTo(1);
        clock.addAndGet(SECOND);
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void bucketsOfStoresIdleForTenMinutesAreDropped() {
        StoreRateLimiter limiter = new StoreRateLimiter(2, 1, clock::get);
        limiter.tryAcquire("idle");
        clock.addAndGet(5 * 60 * SECOND);
        limiter.tryAcquire("busy");
        assertThat(limiter.size()).isEqualTo(2);

        clock.addAndGet(5 * 60 * SECOND + 2 * SECOND); // "idle" full for ten minutes now, "busy" for five
        limiter.tryAcquire("busy");

        assertThat(limiter.size()).isEqualTo(1);
        assertThat(limiter.tryAcquire("idle").remaining()).isEqualTo(1); // a new, full bucket
    }

    @Test
    void aBucketThatIsNotFullYetIsKept() {
        StoreRateLimiter limiter = new StoreRateLimiter(1000, 1, clock::get); // 1000 s to refill
        for (int i = 0; i < 1000; i++) {
            limiter.tryAcquire("slow");
        }
        clock.addAndGet(11 * 60 * SECOND);
        limiter.tryAcquire("other");

        assertThat(limiter.size()).isEqualTo(2);
        assertThat(limiter.tryAcquire("slow").remaining()).isEqualTo(659); // 660 refilled, one taken
    }

    @Test
    void theFilterLimitsOnlyStorePathsAndCanBeTurnedOff() {
        StoreRateLimiter limiter = new StoreRateLimiter(1, 1, clock::get);
        StoreRateLimiter anonymous = new StoreRateLimiter(1, 1, clock::get);
        StoreRateLimitFilter on = new StoreRateLimitFilter(limiter, anonymous, true);
        StoreRateLimitFilter off = new StoreRateLimitFilter(limiter, anonymous, false);
        AtomicLong passed = new AtomicLong();
        GatewayFilterChain chain = exchange -> {
            passed.incrementAndGet();
            return Mono.empty();
        };

        on.filter(exchange("/api/stores/s1/members"), chain).block();
        var refused = MockServerWebExchange.from(MockServerHttpRequest.get("/api/stores/s1/members"));
        on.filter(signedIn(refused), chain).block();
        on.filter(exchange("/api/admin/tenants"), chain).block();
        on.filter(exchange("/api/admin/tenants"), chain).block();
        off.filter(exchange("/api/stores/s1/members"), chain).block();

        assertThat(passed.get()).isEqualTo(4);
        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(refused.getResponse().getBodyAsString().block())
                .contains("\"type\":\"https://m4s.dev/problems/rate-limited\"", "\"store\":\"s1\"");
    }

    @Test
    void requestsWithoutATokenDrawOnTheirAddressesBucketNeverOnTheStores() {
        StoreRateLimiter stores = new StoreRateLimiter(1, 1, clock::get);
        StoreRateLimiter anonymous = new StoreRateLimiter(2, 1, clock::get);
        StoreRateLimitFilter filter = new StoreRateLimitFilter(stores, anonymous, true);
        AtomicLong passed = new AtomicLong();
        GatewayFilterChain chain = exchange -> {
            passed.incrementAndGet();
            return Mono.empty();
        };

        filter.filter(anonymous("/api/stores/s1/owner-signup/codes", "127.0.0.2"), chain).block();
        filter.filter(anonymous("/api/stores/s2/owner-signup/codes", "127.0.0.2"), chain).block();
        var third = anonymous("/api/stores/s3/owner-signup/codes", "127.0.0.2");
        filter.filter(third, chain).block();
        filter.filter(anonymous("/api/stores/s1/owner-signup/codes", "127.0.0.3"), chain).block();
        var staff = MockServerWebExchange.from(MockServerHttpRequest.get("/api/stores/s1/members"));
        filter.filter(signedIn(staff), chain).block();

        assertThat(passed.get()).isEqualTo(4);
        assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(staff.getResponse().getStatusCode()).isNull();
        assertThat(stores.size()).as("store buckets: only the signed-in request's").isEqualTo(1);
        assertThat(anonymous.size()).as("one bucket per address").isEqualTo(2);
    }

    /** A request with a valid token, as Spring Security hands it on. */
    private static ServerWebExchange exchange(String path) {
        return signedIn(MockServerWebExchange.from(MockServerHttpRequest.get(path)));
    }

    /** The exchange as Spring Security hands it on after checking its token (same response). */
    private static ServerWebExchange signedIn(MockServerWebExchange exchange) {
        return exchange.mutate()
                .principal(Mono.just(new TestingAuthenticationToken("operator", "n/a", "ROLE_USER"))).build();
    }

    private static MockServerWebExchange anonymous(String path, String address) {
        return MockServerWebExchange.from(MockServerHttpRequest.post(path)
                .remoteAddress(new InetSocketAddress(address, 40000)));
    }
}
