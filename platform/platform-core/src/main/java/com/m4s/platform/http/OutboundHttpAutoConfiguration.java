package com.m4s.platform.http;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.client.RestClient;

/** {@link OutboundHttp} for every servlet service; client-credentials tokens where the OAuth2 client is present. */
@AutoConfiguration
@EnableConfigurationProperties(OutboundHttpProperties.class)
public class OutboundHttpAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboundHttp outboundHttp(OutboundHttpProperties properties, ObjectProvider<RestClient.Builder> builders,
            ObjectProvider<OutboundHttp.ServiceTokens> tokens) {
        return new OutboundHttp(properties, () -> builders.getIfAvailable(RestClient::builder),
                tokens.getIfAvailable());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager")
    static class Tokens {

        @Bean
        OutboundHttp.ServiceTokens clientCredentialsTokens(ObjectProvider<ClientRegistrationRepository> registrations,
                ObjectProvider<OAuth2AuthorizedClientService> clients,
                @Value("${spring.application.name:m4s-service}") String serviceName) {
            return new ClientCredentialsTokens(registrations, clients, serviceName);
        }
    }
}
