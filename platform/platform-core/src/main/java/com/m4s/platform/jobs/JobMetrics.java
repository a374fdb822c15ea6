package com.m4s.platform.jobs;

import java.time.Duration;

/** Where the runner reports its runs for monitoring; Micrometer when it is on the classpath. */
interface JobMetrics {

    JobMetrics NONE = new JobMetrics() {
    };

    /** Called once per runner, when it is made. */
    default void register(StoreJobRunner runner) {
    }

    /** A run of {@code job} for one store ended. */
    default void ran(String job, boolean succeeded, Duration took) {
    }
}
