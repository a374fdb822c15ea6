package com.m4s.gateway.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The per-store rate limit; see {@link StoreRateLimiter} for why it is per gateway instance. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitConfig {

    @Bean
    StoreRateLimiter storeRateLimiter(RateLimitProperties properties) {
        return new StoreRateLimiter(properties, System::nanoTime);
    }

    @Bean
    StoreRateLimitFilter storeRateLimitFilter(StoreRateLimiter limiter, RateLimitProperties properties) {
        return new StoreRateLimitFilter(limiter, properties.enabled());
    }
}
