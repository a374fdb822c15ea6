package com.m4s.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The shared node answers at the URL a Spring Boot test gets under {@code m4s.search.elasticsearch.url}. */
class TestElasticsearchTest {

    @Test
    void registersTheNodesUrlForTheSearchClient() throws Exception {
        Map<String, Supplier<Object>> properties = new HashMap<>();
        TestElasticsearch.register(properties::put);

        String url = String.valueOf(properties.get("m4s.search.elasticsearch.url").get());
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "/_cluster/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(url).isEqualTo(TestElasticsearch.url()).startsWith("http://127.0.0.1:");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"cluster_name\":\"m4s-local\"");
    }
}
