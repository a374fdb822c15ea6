package com.m4s.gateway.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The per-store and per-address rate limits; see {@link StoreRateLimiter} for why they are per gateway instance. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitConfig {

    @Bean
    RateLimitClock rateLimitClock() {
        return System::nanoTime;
    }

    @Bean
    StoreRateLimiter storeRateLimiter(RateLimitProperties properties, RateLimitClock clock) {
        return new StoreRateLimiter(properties, clock::nanoTime);
    }

    @Bean
    StoreRateLimitFilter storeRateLimitFilter(StoreRateLimiter limiter, RateLimitProperties properties,
            RateLimitClock clock) {
        // keyed by client address; not a bean of its own, so that StoreRateLimiter stays one bean
        StoreRateLimiter anonymous = new StoreRateLimiter(properties.anonymous().capacity(),
                properties.anonymous().refillPerSecond(), clock::nanoTime);
        StoreRateLimiter photos = new StoreRateLimiter(properties.photos().capacity(),
                properties.photos().refillPerSecond(), clock::nanoTime);
        return new StoreRateLimitFilter(limiter, anonymous, photos, properties.enabled());
    }
}
