package com.m4s.platform.idempotency;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Idempotency-Key handling; on in a service that names {@code schema}.
 *
 * @param schema where the records of requests outside a store live (inside a store: the store's schema)
 * @param keepFor how long an answer is replayed; an older record counts as absent
 * @param waitFor how long a repeat waits for the first request to finish before it is answered 409
 * @param maxBodyBytes largest request body a keyed request may carry (it is held in memory and hashed)
 */
@Validated
@ConfigurationProperties("m4s.idempotency")
public record IdempotencyProperties(
        @Pattern(regexp = "[a-z][a-z0-9_]{0,62}") @Nullable String schema,
        @NotNull Duration keepFor,
        @NotNull Duration waitFor,
        @Min(1024) @Max(16 * 1024 * 1024) int maxBodyBytes) {

    public IdempotencyProperties {
        keepFor = keepFor == null ? Duration.ofHours(24) : keepFor;
        waitFor = waitFor == null ? Duration.ofSeconds(10) : waitFor;
        maxBodyBytes = maxBodyBytes == 0 ? 1024 * 1024 : maxBodyBytes;
    }
}
