package com.m4s.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.m4s.platform.web.ProblemMessages;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/** Every way an outside call can fail ends as a 503 naming the dependency, within the configured time. */
class OutboundHttpTest {

    private static final OutboundHttpProperties.Client FAST = new OutboundHttpProperties.Client(
            Duration.ofMillis(500), Duration.ofMillis(500), null);

    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void aDependencyThatAcceptsButNeverAnswersFailsWithinTheReadTimeoutAsA503NamingIt() throws IOException {
        RestClient client = http(Map.of("slow-api", FAST)).client("slow-api", hangingServer());

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.get().uri("/anything").retrieve().toBodilessEntity())
                .isInstanceOfSatisfying(DependencyUnavailable.class, e -> {
                    assertThat(e.dependency()).isEqualTo("slow-api");
                    assertThat(e.getMessage()).isEqualTo("slow-api did not answer within 500 ms");
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    ProblemDetail problem = e.toProblem(ProblemMessages.onClasspath(), Locale.SIMPLIFIED_CHINESE);
                    assertThat(problem.getType().toString()).isEqualTo("https://m4s.dev/problems/dependency-unavailable");
                    assertThat(problem.getDetail()).isEqualTo("slow-api 在 500 毫秒内没有应答");
                    assertThat(problem.getProperties()).containsEntry("dependency", "slow-api");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void aDependencyNobodyListensForFailsAsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        RestClient client = http(Map.of()).client("gone", "http://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> client.get().uri("/").retrieve().toBodilessEntity())
                .isInstanceOf(DependencyUnavailable.class).hasMessageStartingWith("gone could not be reached: ");
    }

    @Test
    void aServerErrorOfTheDependencyIsA503WithItsStatusAndBodyButAClientErrorStaysTheCallersToRead()
            throws IOException {
        String base = answeringServer();
        RestClient client = http(Map.of()).client("api", base);

        assertThatThrownBy(() -> client.get().uri("/down").retrieve().toBodilessEntity())
                .isInstanceOf(DependencyUnavailable.class).hasMessage("api answered 502: upstream down");
        assertThatThrownBy(() -> client.get().uri("/missing").retrieve().toBodilessEntity())
                .isInstanceOfSatisfying(HttpClientErrorException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
        assertThat(client.get().uri("/ok").retrieve().body(String.class)).isEqualTo("fine");
    }

    @Test
    void aTokenEndpointThatNeverAnswersFailsTheCallWithinTheClientsTimeout() throws IOException {
        String hanging = hangingServer();
        ClientRegistration registration = ClientRegistration.withRegistrationId("idp")
                .clientId("svc").clientSecret("secret")
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(hanging + "/token").build();
        var beans = new StaticListableBeanFactory();
        var registrations = new InMemoryClientRegistrationRepository(registration);
        beans.addBean("registrations", registrations);
        beans.addBean("clients", new InMemoryOAuth2AuthorizedClientService(registrations));
        var tokens = new ClientCredentialsTokens(beans.getBeanProvider(ClientRegistrationRepository.class),
                beans.getBeanProvider(OAuth2AuthorizedClientService.class), "test-service");
        var settings = new OutboundHttpProperties.Client(Duration.ofMillis(500), Duration.ofMillis(500), "idp");
        RestClient client = new OutboundHttp(new OutboundHttpProperties(Map.of("secured", settings)),
                RestClient::builder, tokens).client("secured", answeringServer());

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.get().uri("/ok").retrieve().toBodilessEntity())
                .isInstanceOf(DependencyUnavailable.class)
                .hasMessageStartingWith("secured could not be reached: no service token");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void aClientWithoutSettingsGetsTimeoutsThatFailARequestPathWithinThreeSeconds() {
        OutboundHttpProperties.Client defaults = new OutboundHttpProperties(null).client("unnamed");

        assertThat(defaults.connectTimeout().plus(defaults.readTimeout())).isLessThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(defaults.clientRegistration()).isNull();
    }

    private static OutboundHttp http(Map<String, OutboundHttpProperties.Client> clients) {
        return new OutboundHttp(new OutboundHttpProperties(clients), RestClient::builder, null);
    }

    /** Accepts connections and never reads or answers. */
    private String hangingServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        Thread acceptor = Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    accepted.add(server.accept());
                } catch (IOException e) {
                    return;
                }
            }
        });
        open.add(() -> {
            server.close();
            for (Socket s : accepted) {
                s.close();
            }
            acceptor.join(1_000);
        });
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private String answeringServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = switch (path) {
                case "/down" -> 502;
                case "/ok" -> 200;
                default -> 404;
            };
            byte[] body = (status == 502 ? "upstream down" : status == 200 ? "fine" : "no such thing")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        open.add(() -> server.stop(0));
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
