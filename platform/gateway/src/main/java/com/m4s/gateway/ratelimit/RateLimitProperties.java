package com.m4s.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The request limits of {@code /api/stores/{store}/**}: a token bucket per store code for requests with a valid
 * token, and a bucket per client address for requests without one (owner sign-up), which never draw on a store's.
 *
 * @param capacity        the most requests a store can make in a burst (the bucket's size)
 * @param refillPerSecond tokens added back per second: the sustained rate (may be fractional, e.g. 0.5)
 * @param enabled         {@code false} turns both limits off
 * @param anonymous       the limit per client address of requests without a token
 * @param photos          the limit per client address of signed photo links (a market page loads dozens at once)
 */
@Validated
@ConfigurationProperties("m4s.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("200") @Min(1) @Max(1_000_000) int capacity,
        @DefaultValue("100") @DecimalMin("0.001") @DecimalMax("1000000") double refillPerSecond,
        @DefaultValue("true") boolean enabled,
        @DefaultValue @Valid Anonymous anonymous,
        @DefaultValue @Valid Photos photos) {

    /**
     * Requests without a token, per client address.
     *
     * @param capacity        the most such requests one address can make in a burst
     * @param refillPerSecond sustained rate per address
     */
    public record Anonymous(
            @DefaultValue("20") @Min(1) @Max(1_000_000) int capacity,
            @DefaultValue("0.2") @DecimalMin("0.001") @DecimalMax("1000000") double refillPerSecond) {
    }

    /**
     * Reads of signed photo links ({@code GET /api/stores/{store}/photos/{photo}/{size}}), per client address: an
     * {@code <img>} sends no token, and a page of listings loads many pictures at once.
     */
    public record Photos(
            @DefaultValue("300") @Min(1) @Max(1_000_000) int capacity,
            @DefaultValue("30") @DecimalMin("0.001") @DecimalMax("1000000") double refillPerSecond) {
    }
}
