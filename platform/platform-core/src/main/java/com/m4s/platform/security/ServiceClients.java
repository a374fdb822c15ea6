package com.m4s.platform.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * Client-credentials tokens for calls from one service to another (or to Keycloak's Admin API), usable outside a
 * request (background threads) and always the service's own token, whoever triggered the call.
 */
public final class ServiceClients {

    private ServiceClients() {
    }

    /**
     * @param tokenEndpoint the client for the token requests (with the timeouts of the calls the tokens are for;
     *     see {@code com.m4s.platform.http.OutboundHttp})
     */
    public static OAuth2AuthorizedClientManager manager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService clients, RestClient tokenEndpoint) {
        var tokens = new RestClientClientCredentialsTokenResponseClient();
        tokens.setRestClient(tokenEndpoint);
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(c -> c.accessTokenResponseClient(tokens)).build());
        return manager;
    }

    /** A RestClient interceptor adding the token of client registration {@code registrationId}. */
    public static OAuth2ClientHttpRequestInterceptor interceptor(OAuth2AuthorizedClientManager manager,
            String registrationId, String serviceName) {
        Authentication service = new AnonymousAuthenticationToken(serviceName, serviceName,
                AuthorityUtils.createAuthorityList(Role.SERVICE.authority()));
        var interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> registrationId);
        interceptor.setPrincipalResolver(request -> service);
        return interceptor;
    }
}
