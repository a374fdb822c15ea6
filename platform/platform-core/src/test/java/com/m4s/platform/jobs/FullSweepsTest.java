package com.m4s.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FullSweepsTest {

    private static final Instant START = Instant.parse("2026-12-03T00:00:00Z");

    @Test
    void aPeriodicSweepAsksForEveryStoreAtStartUpAndAgainOncePerPeriod() {
        FullSweeps sweeps = new FullSweeps(Duration.ofHours(6));

        assertThat(sweeps.storesWithWork(START)).isNull();
        assertThat(sweeps.storesWithWork(START.plus(Duration.ofHours(5)))).isEmpty();
        assertThat(sweeps.storesWithWork(START.plus(Duration.ofHours(6)))).isNull();
        assertThat(sweeps.storesWithWork(START.plus(Duration.ofHours(7)))).isEmpty();
    }

    @Test
    void aStartUpOnlySweepAsksForEveryStoreOnceAndNeverAgain() {
        FullSweeps sweeps = FullSweeps.atStartUpOnly();

        assertThat(sweeps.storesWithWork(START)).isNull();
        assertThat(sweeps.storesWithWork(START.plusSeconds(60))).isEmpty();
        assertThat(sweeps.storesWithWork(START.plus(Duration.ofDays(3650)))).isEmpty();
    }
}
