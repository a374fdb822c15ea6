package com.m4s.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobsPropertiesTest {

    private final JobsProperties properties = new JobsProperties("console", 0, 0, null, null, null);

    @Test
    void aFailingStoreWaitsThirtySecondsThenDoublingUpToAnHour() {
        assertThat(properties.backOffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.backOffAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.backOffAfter(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(properties.backOffAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(properties.backOffAfter(10_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void unsetSettingsTakeTheirDefaults() {
        assertThat(properties.parallelism()).isEqualTo(4);
        assertThat(properties.poll()).isEqualTo(Duration.ofSeconds(5));
    }
}
