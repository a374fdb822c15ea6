package com.m4s.platform.http;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the named outbound clients, {@code m4s.http.clients.<name>.*}; a name without settings gets the
 * defaults of {@link Client}.
 */
@Validated
@ConfigurationProperties("m4s.http")
public record OutboundHttpProperties(Map<String, Client> clients) {

    public OutboundHttpProperties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }

    /** The settings of {@code name}, or the defaults. */
    public Client client(String name) {
        Client client = clients.get(name);
        return client != null ? client : new Client(null, null, null);
    }

    /**
     * One outside dependency.
     *
     * @param connectTimeout how long to wait for a connection (default 1 s)
     * @param readTimeout how long to wait for the answer once connected (default 2 s: a request path answers 503
     *     within 3 s when the dependency hangs); longer only for calls that are known to take long and run off a
     *     request path, e.g. provisioning a store
     * @param clientRegistration the Spring Security client registration whose client-credentials token every call
     *     carries; none for an outside API with its own authentication
     */
    public record Client(Duration connectTimeout, Duration readTimeout, @Nullable String clientRegistration) {

        public Client {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(2) : readTimeout;
            if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                    || readTimeout.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            clientRegistration = clientRegistration == null || clientRegistration.isBlank() ? null
                    : clientRegistration;
        }
    }
}
