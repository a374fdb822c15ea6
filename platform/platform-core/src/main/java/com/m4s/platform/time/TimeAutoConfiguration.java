package com.m4s.platform.time;

import com.m4s.platform.tenancy.TenantRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * One {@link Clock} for every time-based rule of a service (UTC; tests replace it with a controllable one), the
 * {@link StoreTime} of services that serve stores, and the same clock for Bean Validation: {@code @Past},
 * {@code @PastOrPresent} and {@code @Future} on dates are judged by the store's calendar day in a store's request.
 */
@AutoConfiguration
public class TimeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnBean(TenantRegistry.class)
    @ConditionalOnMissingBean
    StoreTime storeTime(TenantRegistry registry, Clock clock) {
        return new StoreTime(registry, clock);
    }

    @Bean
    ValidationConfigurationCustomizer clockForValidation(Clock clock, ObjectProvider<StoreTime> storeTime) {
        Clock judging = new CurrentStoreClock(clock, storeTime::getIfAvailable);
        return configuration -> configuration.clockProvider(() -> judging);
    }
}
