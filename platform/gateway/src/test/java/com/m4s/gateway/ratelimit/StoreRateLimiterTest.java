package com.m4s.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
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
        StoreRateLimitFilter on = new StoreRateLimitFilter(limiter, true);
        StoreRateLimitFilter off = new StoreRateLimitFilter(limiter, false);
        AtomicLong passed = new AtomicLong();
        GatewayFilterChain chain = exchange -> {
            passed.incrementAndGet();
            return Mono.empty();
        };

        on.filter(exchange("/api/stores/s1/members"), chain).block();
        var refused = exchange("/api/stores/s1/members");
        on.filter(refused, chain).block();
        on.filter(exchange("/api/admin/tenants"), chain).block();
        on.filter(exchange("/api/admin/tenants"), chain).block();
        off.filter(exchange("/api/stores/s1/members"), chain).block();

        assertThat(passed.get()).isEqualTo(4);
        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(refused.getResponse().getBodyAsString().block())
                .contains("\"type\":\"https://m4s.dev/problems/rate-limited\"", "\"store\":\"s1\"");
    }

    private static MockServerWebExchange exchange(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(path));
    }
}
