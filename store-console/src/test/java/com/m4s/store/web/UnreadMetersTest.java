package com.m4s.store.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.test.LogbackTurboFilters;
import com.m4s.store.support.StoreConsoleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.repository.core.support.RepositoryMethodInvocationListener;

/**
 * No meter that nobody reads is kept on a request's path: each cost every request a few per cent of its CPU while
 * no exporter is configured.
 */
class UnreadMetersTest extends StoreConsoleTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aLevelCheckAsksNoLogbackTurboFilter() {
        // Micrometer's log-event counter is one, asked at every isDebugEnabled of every library
        assertThat(LogbackTurboFilters.installed()).isEmpty();
    }

    @Test
    void aRepositoryCallIsNotTimed() {
        // the repository timer looked up each call's @Timed annotations
        assertThat(context.getBeanNamesForType(RepositoryMethodInvocationListener.class)).isEmpty();
    }
}
