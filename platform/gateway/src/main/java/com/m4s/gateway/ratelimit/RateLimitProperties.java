package com.m4s.gateway.ratelimit;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The per-store request limit of {@code /api/stores/{store}/**}: a token bucket per store code.
 *
 * @param capacity        the most requests a store can make in a burst (the bucket's size)
 * @param refillPerSecond tokens added back per second: the sustained rate (may be fractional, e.g. 0.5)
 * @param enabled         {@code false} turns the limit off
 */
@Validated
@ConfigurationProperties("m4s.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("200") @Min(1) @Max(1_000_000) int capacity,
        @DefaultValue("100") @DecimalMin("0.001") @DecimalMax("1000000") double refillPerSecond,
        @DefaultValue("true") boolean enabled) {
}
