package com.m4s.platform.http;

import com.m4s.platform.security.ServiceClients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * The service's own client-credentials token for a named client. The token endpoint is called with the same
 * timeouts as the client, so a hung identity provider fails the call as fast as a hung dependency.
 */
final class ClientCredentialsTokens implements OutboundHttp.ServiceTokens {

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final ObjectProvider<OAuth2AuthorizedClientService> clients;
    private final String serviceName;

    ClientCredentialsTokens(ObjectProvider<ClientRegistrationRepository> registrations,
            ObjectProvider<OAuth2AuthorizedClientService> clients, String serviceName) {
        this.registrations = registrations;
        this.clients = clients;
        this.serviceName = serviceName;
    }

    @Override
    public ClientHttpRequestInterceptor interceptor(String name, String registration,
            OutboundHttpProperties.Client settings) {
        var factory = new JdkClientHttpRequestFactory(
                java.net.http.HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
        factory.setReadTimeout(settings.readTimeout());
        RestClient tokenEndpoint = RestClient.builder().requestFactory(factory)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
        var manager = ServiceClients.manager(registrations.getObject(), clients.getObject(), tokenEndpoint);
        ClientHttpRequestInterceptor token = ServiceClients.interceptor(manager, registration, serviceName);
        return (request, body, execution) -> {
            try {
                return token.intercept(request, body, execution);
            } catch (OAuth2AuthorizationException e) {
                throw DependencyUnavailable.noToken(name, e);
            }
        };
    }
}
