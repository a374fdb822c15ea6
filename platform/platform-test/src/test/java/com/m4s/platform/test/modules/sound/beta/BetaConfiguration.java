package com.m4s.platform.test.modules.sound.beta;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Configuration classes may read properties and declare pools. */
@Configuration
class BetaConfiguration {

    @Bean
    ExecutorService betaPool(@Value("${beta.threads:1}") int threads) {
        return Executors.newFixedThreadPool(threads);
    }
}
