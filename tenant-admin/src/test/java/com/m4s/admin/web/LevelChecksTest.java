package com.m4s.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.test.LogbackTurboFilters;
import com.m4s.platform.test.ServiceTest;
import org.junit.jupiter.api.Test;

/** The service's log level checks are Logback's plain ones: no turbo filter asked at every check. */
class LevelChecksTest extends ServiceTest {

    @Test
    void aLevelCheckAsksNoLogbackTurboFilter() {
        // Micrometer's log-event counter is one; it ran on every isDebugEnabled of every request
        assertThat(LogbackTurboFilters.installed()).isEmpty();
    }
}
