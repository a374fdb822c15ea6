package com.m4s.gateway;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The only public entry: routes {@code /api/admin/**} to tenant-admin and {@code /api/stores/**} to store-console
 * (see application.yml), serves each service's OpenAPI document, and serves the web UI.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }

    /** The UI's client-side routes load the single-page app; its own router takes over from there. */
    @Bean
    RouterFunction<ServerResponse> singlePageApp(@Value("classpath:/static/index.html") Resource index) {
        return RouterFunctions.route(GET("/console").or(GET("/console/**")).or(GET("/group")).or(GET("/group/**"))
                        .or(GET("/app")).or(GET("/app/**")).and(path("/api/**").negate()),
                request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(index));
    }

    /**
     * What the browser app needs to sign users in: the realm's issuer as browsers reach it and the public client
     * (authorization code + PKCE). Served here so one UI build works in every deployment.
     */
    @Bean
    RouterFunction<ServerResponse> uiConfig(
            @Value("${m4s.ui.oidc-authority:${spring.security.oauth2.resourceserver.jwt.issuer-uri}}") String authority,
            @Value("${m4s.ui.oidc-client-id:m4s-web}") String clientId) {
        Map<String, Object> config = Map.of("oidc", Map.of("authority", authority, "clientId", clientId));
        return RouterFunctions.route(GET("/ui-config.json"), request -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON).header("Cache-Control", "no-cache").bodyValue(config));
    }
}
