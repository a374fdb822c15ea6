package com.m4s.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayApplicationTest {

    @Autowired
    WebTestClient web;

    @Autowired
    RouteLocator routes;

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
    void routesAdminAndStoreApisToTheirServices() {
        var byId = routes.getRoutes().collectMap(Route::getId, r -> r.getUri().getPort()).block();

        assertThat(byId).containsEntry("tenant-admin", 8081).containsEntry("store-console", 8082)
                .containsKeys("tenant-admin-openapi", "store-console-openapi");
    }
}
