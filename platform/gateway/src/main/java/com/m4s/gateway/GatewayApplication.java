package com.m4s.gateway;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
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
}
