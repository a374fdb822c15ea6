package com.m4s.platform.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.m4s.platform.events.EventConsumer;
import com.m4s.platform.events.EventConsumers;
import com.m4s.platform.tenancy.ActiveTenants;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Search for a service whose features declare {@link IndexedKind} beans: imported by the service next to the events
 * configuration; its schema changelog includes {@code db/search/001-search-rebuilds.xml}.
 *
 * <p>Settings: {@code m4s.search.elasticsearch.url}, {@code m4s.search.analyzer} (the Chinese analyzer's name in the
 * cluster: {@code smartcn} here and with the official plugin; an IK cluster would say {@code ik_max_word}),
 * {@code m4s.search.index-prefix}, {@code m4s.search.consumer} (the indexer's consumer name),
 * {@code m4s.search.request-timeout} (how long a search on a request path waits, default 2 s: a hung cluster answers
 * 503 within 3 s; indexing and rebuilds keep the client's 15 s).
 */
@Configuration(proxyBeanMethods = false)
@Import(SearchRebuildController.class)
public class SearchConfiguration {

    @Bean(destroyMethod = "close")
    RestClient searchRestClient(@Value("${m4s.search.elasticsearch.url}") String url) {
        return RestClient.builder(HttpHost.create(url))
                .setRequestConfigCallback(c -> c.setConnectTimeout(2_000).setSocketTimeout(15_000))
                .build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient searchRestClient) {
        return new ElasticsearchClient(new RestClientTransport(searchRestClient, new JacksonJsonpMapper()));
    }

    @Bean
    SearchIndexes searchIndexes(ElasticsearchClient client, @Value("${m4s.search.index-prefix:m4s}") String prefix,
            @Value("${m4s.search.analyzer:smartcn}") String analyzer,
            @Value("${m4s.search.request-timeout:2s}") Duration requestTimeout) {
        return new SearchIndexes(client, prefix, analyzer, requestTimeout);
    }

    @Bean
    SearchIndexer searchIndexer(SearchIndexes indexes, List<IndexedKind> kinds) {
        return new SearchIndexer(indexes, kinds);
    }

    @Bean
    EventConsumer searchIndexerConsumer(EventConsumers consumers, SearchIndexer indexer,
            @Value("${m4s.search.consumer:search-indexer}") String name) {
        return consumers.create(name, indexer.topics(), 500, indexer);
    }

    @Bean
    SearchRebuilds searchRebuilds(SearchIndexes indexes, List<IndexedKind> kinds, ActiveTenants tenants,
            JdbcTemplate jdbc, @Value("${m4s.events.schema}") String schema, Clock clock) {
        return new SearchRebuilds(indexes, kinds, tenants, jdbc, schema, clock);
    }

    @Bean
    Object searchStartup(SearchRebuilds rebuilds) {
        return new Object() {
            @EventListener(ApplicationReadyEvent.class)
            void recover() {
                rebuilds.recoverInterrupted();
            }
        };
    }
}
