package com.m4s.admin.billing;

import com.m4s.platform.http.OutboundHttp;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Billing's settings ({@code m4s.billing}), its way to store-console, and the scheduled sweep. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillingProperties.class)
@EnableScheduling
class BillingConfiguration {

    @Bean
    StoreConsoleGroups storeConsoleGroups(OutboundHttp http, @Value("${m4s.store-console.url}") URI url) {
        return new StoreConsoleGroups(http.client("store-console", url.toString()));
    }
}
