package com.m4s.gateway;

import com.m4s.gateway.ratelimit.RateLimitClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Test only: the gateway's rate limits run on time the test moves ({@link #advance}) instead of waiting for it. */
@TestConfiguration(proxyBeanMethods = false)
class ManualRateLimitTime implements RateLimitClock {

    private final AtomicLong nanos = new AtomicLong();

    @Bean
    @Primary
    RateLimitClock manualRateLimitClock() {
        return this;
    }

    void advance(Duration amount) {
        nanos.addAndGet(amount.toNanos());
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }
}
