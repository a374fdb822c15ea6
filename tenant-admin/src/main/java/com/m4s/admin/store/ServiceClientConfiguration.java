package com.m4s.admin.store;

import com.m4s.platform.security.ServiceClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** Client-credentials tokens for service-to-service calls, usable outside a request (provisioning threads). */
@Configuration(proxyBeanMethods = false)
class ServiceClientConfiguration {

    @Bean
    OAuth2AuthorizedClientManager serviceClients(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService clients) {
        return ServiceClients.manager(registrations, clients);
    }
}
