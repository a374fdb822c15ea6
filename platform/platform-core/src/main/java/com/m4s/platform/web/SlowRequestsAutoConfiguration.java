package com.m4s.platform.web;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Every servlet service names its slow requests while they run ({@link SlowRequests}). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SlowRequestsAutoConfiguration {

    /** Requests still running after {@code m4s.web.slow-request-after} are named in the log ({@link SlowRequests}). */
    @Bean
    SlowRequests slowRequests(@Value("${m4s.web.slow-request-after:10s}") Duration after) {
        return SlowRequests.watching(after);
    }

    @Bean
    FilterRegistrationBean<SlowRequests> slowRequestsFilter(SlowRequests slowRequests) {
        FilterRegistrationBean<SlowRequests> registration = new FilterRegistrationBean<>(slowRequests);
        // outermost: the time a request waits in the other filters (its token, its store) counts
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
