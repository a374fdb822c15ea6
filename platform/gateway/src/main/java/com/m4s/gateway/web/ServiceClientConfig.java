package com.m4s.gateway.web;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The client the gateway calls the services with: it gives up connecting after {@code m4s.gateway.connect-timeout}
 * (2 s), and {@link RouteFailureFilter} answers 503. Set once on the client rather than through Spring Cloud
 * Gateway's {@code httpclient.connect-timeout}, which its routing filter applies again to every request, copying the
 * client's configuration each time.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceClientConfig {

    @Bean
    HttpClientCustomizer serviceConnectTimeout(@Value("${m4s.gateway.connect-timeout:2s}") Duration timeout) {
        return client -> client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis());
    }
}
