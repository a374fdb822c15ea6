package com.m4s.platform.stripe;

import com.m4s.platform.http.OutboundHttpProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** {@link StripeAccess} in every service, configured or not. */
@AutoConfiguration
@EnableConfigurationProperties({StripeProperties.class, OutboundHttpProperties.class})
public class StripeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StripeAccess stripeAccess(StripeProperties properties, OutboundHttpProperties http) {
        return new StripeAccess(properties, http);
    }
}
