package com.m4s.platform.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Meters of the runner: {@code m4s.jobs.runs} (timer per job and outcome {@code success}/{@code failure}),
 * {@code m4s.jobs.stores.failing} (stores whose last run failed, per job) and {@code m4s.jobs.lock.contentions}
 * (passes skipped because another instance held the job).
 */
class MicrometerJobMetrics implements JobMetrics {

    private final MeterRegistry registry;

    MicrometerJobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void register(StoreJobRunner runner) {
        for (String job : runner.jobNames()) {
            Gauge.builder("m4s.jobs.stores.failing", runner, r -> r.failingStores(job)).tag("job", job)
                    .description("stores whose last run of the job failed").register(registry);
            Gauge.builder("m4s.jobs.lock.contentions", runner, r -> r.lockContentions(job)).tag("job", job)
                    .description("passes skipped because another instance held the job's lock").register(registry);
        }
    }

    @Override
    public void ran(String job, boolean succeeded, Duration took) {
        Timer.builder("m4s.jobs.runs").tag("job", job).tag("outcome", succeeded ? "success" : "failure")
                .description("runs of a job for one store").register(registry).record(took);
    }
}
