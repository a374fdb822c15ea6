package com.m4s.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.data.repository.core.support.RepositoryMethodInvocationListener;

/**
 * A servlet service keeps no meter that nobody reads on a request's path: each cost every request a few per cent of
 * its CPU while no exporter is configured. A service's test class implements this with its context.
 */
public interface UnreadMeters {

    /** The service's running context. */
    ApplicationContext serviceContext();

    @Test
    default void aLevelCheckAsksNoLogbackTurboFilter() {
        // Micrometer's log-event counter is one, asked at every isDebugEnabled of every library
        assertThat(LogbackTurboFilters.installed()).isEmpty();
    }

    @Test
    default void aRepositoryCallIsNotTimed() {
        // the repository timer looked up each call's @Timed annotations
        assertThat(serviceContext().getBeanNamesForType(RepositoryMethodInvocationListener.class)).isEmpty();
    }
}
