package com.m4s.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.test.LogbackTurboFilters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway with its own settings and no identity provider running: it starts anyway (the realm's keys are fetched
 * on the first token check), serves the web UI and refuses the API without a token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayApplicationTest {

    @Autowired
    WebTestClient web;

    @Autowired
    RouteLocator routes;

    @Autowired
    ApplicationContext context;

    @Autowired
    reactor.netty.http.client.HttpClient serviceClient;

    @Test
    void servesTheWebUiAtTheRootAndForItsClientSideRoutes() {
        String root = web.get().uri("/").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String console = web.get().uri("/console/members").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(root).contains("<div id=\"root\">");
        assertThat(console).isEqualTo(root);
    }

    @Test
    void isAReactiveAppWhateverIsOnTheClasspath() {
        assertThat(context).isInstanceOf(ReactiveWebServerApplicationContext.class);
        assertThat(context.getEnvironment().getProperty("spring.main.web-application-type")).isEqualTo("reactive");
    }

    @Test
    void aLevelCheckAsksNoLogbackTurboFilter() {
        // Micrometer's log-event counter is one; the gateway ran it on every isDebugEnabled of a proxied request
        assertThat(LogbackTurboFilters.installed()).isEmpty();
    }

    @Test
    void theClientToTheServicesGivesUpConnectingAfterTwoSecondsSetOnceNotPerRequest() {
        assertThat(serviceClient.configuration().options().get(io.netty.channel.ChannelOption.CONNECT_TIMEOUT_MILLIS))
                .isEqualTo(2000);
        assertThat(context.getEnvironment().getProperty("spring.cloud.gateway.server.webflux.httpclient.connect-timeout"))
                .as("the routing filter would apply it to each request again").isNull();
    }

    @Test
    void routesAdminAndStoreApisToTheirServices() {
        var byId = routes.getRoutes().collectMap(Route::getId, r -> r.getUri().getPort()).block();

        assertThat(byId).containsEntry("tenant-admin", 8081).containsEntry("store-console", 8082)
                .containsKeys("tenant-admin-openapi", "store-console-openapi");
    }

    @Test
    void startsWithoutKeycloakAndRefusesTheApiWithoutAToken() {
        web.get().uri("/api/stores/gz_tianhe/members").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).startsWith("Bearer"))
                .expectBody().jsonPath("$.type").isEqualTo("https://m4s.dev/problems/unauthenticated");
    }

    @Test
    void tellsTheBrowserAppWhereToSignIn() {
        web.get().uri("/ui-config.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.oidc.authority").isEqualTo(
                        context.getEnvironment().getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .jsonPath("$.oidc.clientId").isEqualTo("m4s-web");
    }
}
