package com.m4s.platform.test.modules.broken.beta;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Planted: a service's configuration declaring its own pool (pools are platform code's). */
@Configuration
class BetaPoolConfiguration {

    @Bean
    ExecutorService betaPool() {
        return Executors.newFixedThreadPool(2);
    }
}
