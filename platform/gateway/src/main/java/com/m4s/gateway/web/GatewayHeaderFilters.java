package com.m4s.gateway.web;

import java.util.List;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The header filters the gateway applies to what it proxies: {@link ProxiedHeaders} in place of Spring Cloud
 * Gateway's hop-by-hop, {@code Forwarded} and {@code X-Forwarded} removal filters (its transfer-encoding
 * normalization stays). Those three are taken out of the context by name before any bean is made; a version of the
 * gateway that renames them would leave them in, which {@code ProxiedHeadersTest} notices.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayHeaderFilters {

    /** Spring Cloud Gateway's bean names of the filters {@link ProxiedHeaders} replaces. */
    static final List<String> REPLACED = List.of("removeHopByHopHeadersFilter", "removeForwardedHeadersFilter",
            "removeXForwardedHeadersFilter");

    @Bean
    HttpHeadersFilter proxiedRequestHeaders() {
        return ProxiedHeaders.request();
    }

    @Bean
    HttpHeadersFilter proxiedResponseHeaders() {
        return ProxiedHeaders.response();
    }

    @Bean
    static BeanDefinitionRegistryPostProcessor withoutReplacedHeaderFilters() {
        return new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                for (String name : REPLACED) {
                    if (registry.containsBeanDefinition(name)) {
                        registry.removeBeanDefinition(name);
                    }
                }
            }

            @Override
            public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
                // nothing beyond the definitions
            }
        };
    }
}
