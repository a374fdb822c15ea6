package com.m4s.platform.jobs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the {@link StoreJobRunner} ({@code m4s.jobs.*}).
 *
 * @param schema the service's own schema, holding {@code job_run} and {@code job_work}
 * @param parallelism how many stores are worked on at once, over all jobs of this instance
 * @param passes how many jobs make a pass over their stores at once (each pass holds a connection for its lock while
 *     it lasts; with a pass per job at once, every poll took as many connections as there are jobs)
 * @param poll how often the runner looks for due stores (real time; "run soon" requests do not wait for it)
 * @param failureBackOff how long a store waits after its first failure; doubled after each further one
 * @param maxFailureBackOff the longest a failing store waits between attempts
 */
@Validated
@ConfigurationProperties("m4s.jobs")
public record JobsProperties(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,62}") String schema,
        @Min(1) @Max(64) int parallelism,
        @Min(1) @Max(64) int passes,
        Duration poll,
        Duration failureBackOff,
        Duration maxFailureBackOff) {

    public JobsProperties {
        parallelism = parallelism == 0 ? 4 : parallelism;
        passes = passes == 0 ? 3 : passes;
        poll = poll == null ? Duration.ofSeconds(5) : poll;
        failureBackOff = failureBackOff == null ? Duration.ofSeconds(30) : failureBackOff;
        maxFailureBackOff = maxFailureBackOff == null ? Duration.ofHours(1) : maxFailureBackOff;
    }

    /** The pause after {@code failures} consecutive failures (1 = the first). */
    public Duration backOffAfter(int failures) {
        Duration pause = failureBackOff;
        for (int i = 1; i < failures && pause.compareTo(maxFailureBackOff) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxFailureBackOff) > 0 ? maxFailureBackOff : pause;
    }
}
