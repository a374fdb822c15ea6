package com.m4s.platform.test.modules.sound.beta;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Configuration classes may read a property with @Value. */
@Configuration
class BetaConfiguration {

    @Bean
    Duration betaTimeout(@Value("${beta.timeout:PT1S}") Duration timeout) {
        return timeout;
    }
}
