package com.m4s.platform.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Elasticsearch from the integ-test zip with the smartcn plugin: Chinese words, searches, a crash and a restart. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalElasticsearchTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Path data;
    private LocalElasticsearch elasticsearch;

    @BeforeAll
    void start() throws IOException {
        // not JUnit's @TempDir: as root the server runs as another user, which must be able to reach its folder
        data = Files.createTempDirectory("m4s-test-elasticsearch-");
        elasticsearch = LocalElasticsearch.start(data, 0);
    }

    @AfterAll
    void stop() throws IOException {
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        Distributions.deleteTree(data);
    }

    @Test
    void smartcnSplitsABrandFromItsModel() {
        assertThat(analyze("宝马 3系")).containsExactly("宝马", "3", "系");
    }

    @Test
    void smartcnSplitsASentenceIntoWords() {
        assertThat(analyze("我们的发票查询系统支持多租户"))
                .containsExactly("我们", "的", "发票", "查询", "系统", "支持", "多", "租户");
    }

    @Test
    void smartcnTokenizerIsThere() {
        JsonNode tokens = send("POST", "/_analyze", """
                {"tokenizer": "smartcn_tokenizer", "text": "系统支持多租户"}""").json();

        assertThat(tokens.path("tokens").valueStream().map(t -> t.path("token").asString()))
                .containsExactly("系统", "支持", "多", "租户");
    }

    @Test
    void matchQueriesOnASmartcnFieldFindTheModelAndNothingUnrelated() {
        String index = createIndex();
        index(index, "camry", "广汽丰田凯美瑞 2.0G 豪华版");
        index(index, "bmw", "宝马 3系 320Li 运动套装");
        index(index, "accord", "本田雅阁 保养套餐");
        send("POST", "/" + index + "/_refresh", null);

        assertThat(search(index, "凯美瑞")).containsExactly("camry");
        assertThat(search(index, "宝马 3系")).containsExactly("bmw");
        assertThat(search(index, "发票")).isEmpty();
    }

    @Test
    void documentsIndexedBeforeACrashAreThereAfterTheRestartOnTheSamePort() {
        String index = createIndex();
        index(index, "bmw", "宝马 3系");
        String url = elasticsearch.url();

        elasticsearch.kill();
        boolean runningAfterKill = elasticsearch.isRunning();
        elasticsearch.start();

        assertThat(runningAfterKill).isFalse();
        assertThat(elasticsearch.url()).isEqualTo(url);
        Reply document = send("GET", "/" + index + "/_doc/bmw", null);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().path("_source").path("title").asString()).isEqualTo("宝马 3系");
    }

    @Test
    void endpointIsTheHttpUrl() {
        assertThat(elasticsearch.endpoint()).isEqualTo("http://127.0.0.1:" + elasticsearch.port());
        assertThat(elasticsearch.name()).isEqualTo("elasticsearch");
    }

    private List<String> analyze(String text) {
        JsonNode tokens = send("POST", "/_analyze", JSON.writeValueAsString(
                JSON.createObjectNode().put("analyzer", "smartcn").put("text", text))).json();
        return tokens.path("tokens").valueStream().map(t -> t.path("token").asString()).toList();
    }

    private String createIndex() {
        String index = "vehicles-" + UUID.randomUUID();
        Reply created = send("PUT", "/" + index, """
                {"settings": {"number_of_shards": 1, "number_of_replicas": 0},
                 "mappings": {"properties": {"title": {"type": "text", "analyzer": "smartcn"}}}}""");
        assertThat(created.status()).as(created.json().toString()).isEqualTo(200);
        return index;
    }

    private void index(String index, String id, String title) {
        Reply indexed = send("PUT", "/" + index + "/_doc/" + id, JSON.writeValueAsString(
                JSON.createObjectNode().put("title", title)));
        assertThat(indexed.status()).as(indexed.json().toString()).isEqualTo(201);
    }

    private List<String> search(String index, String query) {
        JsonNode hits = send("POST", "/" + index + "/_search", JSON.writeValueAsString(JSON.createObjectNode()
                .set("query", JSON.createObjectNode().set("match", JSON.createObjectNode().put("title", query)))))
                .json();
        return hits.path("hits").path("hits").valueStream().map(h -> h.path("_id").asString()).toList();
    }

    private record Reply(int status, JsonNode json) {
    }

    private Reply send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(elasticsearch.url() + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed:\n" + elasticsearch.tail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
