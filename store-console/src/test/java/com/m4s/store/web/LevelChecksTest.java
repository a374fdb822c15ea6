package com.m4s.store.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.test.LogbackTurboFilters;
import com.m4s.store.support.StoreConsoleTest;
import org.junit.jupiter.api.Test;

/** The service's log level checks are Logback's plain ones: no turbo filter asked at every check. */
class LevelChecksTest extends StoreConsoleTest {

    @Test
    void aLevelCheckAsksNoLogbackTurboFilter() {
        // Micrometer's log-event counter is one; it was 4 % of a member list's CPU (Logger.isTraceEnabled's share)
        assertThat(LogbackTurboFilters.installed()).isEmpty();
    }
}
