package com.m4s.platform.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Makes the {@link RestClient} for one named dependency: connect and read timeouts from {@code
 * m4s.http.clients.<name>}, the service's client-credentials token when the name has a {@code client-registration},
 * and failures turned into {@link DependencyUnavailable} (503, the dependency named): no connection, no answer
 * within the read timeout, a 5xx answer, no token. A 4xx answer is the dependency's verdict on the request and stays a
 * {@link org.springframework.web.client.RestClientResponseException} for the caller to interpret.
 */
public class OutboundHttp {

    private final OutboundHttpProperties properties;
    private final Supplier<RestClient.Builder> builders;
    private final @Nullable ServiceTokens tokens;

    OutboundHttp(OutboundHttpProperties properties, Supplier<RestClient.Builder> builders,
            @Nullable ServiceTokens tokens) {
        this.properties = properties;
        this.builders = builders;
        this.tokens = tokens;
    }

    /**
     * A client of dependency {@code name} at {@code baseUrl}; make it once and keep it (it holds a connection pool).
     */
    public RestClient client(String name, String baseUrl) {
        OutboundHttpProperties.Client settings = properties.client(name);
        var factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
        factory.setReadTimeout(settings.readTimeout());
        RestClient.Builder builder = builders.get().baseUrl(baseUrl).requestFactory(factory)
                .requestInterceptor(failures(name, settings))
                .defaultStatusHandler(HttpStatusCode::is5xxServerError, (request, response) -> {
                    String body = new String(response.getBody().readNBytes(500), StandardCharsets.UTF_8);
                    throw DependencyUnavailable.answered(name, response.getStatusCode().value(), body.strip(), null);
                });
        String registration = settings.clientRegistration();
        if (registration != null) {
            if (tokens == null) {
                throw new IllegalStateException("m4s.http.clients." + name + ".client-registration is set, but this"
                        + " service has no OAuth2 client support (spring-boot-starter-security-oauth2-client)");
            }
            builder.requestInterceptor(tokens.interceptor(name, registration, settings));
        }
        return builder.build();
    }

    /** The outermost interceptor: whatever goes wrong below it (token, connection, timeout) names the dependency. */
    private static ClientHttpRequestInterceptor failures(String name, OutboundHttpProperties.Client settings) {
        return (request, body, execution) -> {
            try {
                return execution.execute(request, body);
            } catch (IOException e) {
                throw DependencyUnavailable.of(name, settings, e);
            }
        };
    }

    /** Adds a service token to each request of a named client. */
    interface ServiceTokens {
        ClientHttpRequestInterceptor interceptor(String name, String registration,
                OutboundHttpProperties.Client settings);
    }
}
