package com.m4s.platform.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import java.time.Duration;
import org.apache.http.client.config.RequestConfig;
import org.elasticsearch.client.RequestOptions;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names and aliases of the search indexes. For a kind {@code k} with prefix {@code p}:
 * <ul>
 * <li>{@code p-k-<generation>}: the index itself, e.g. {@code m4s-used-cars-1}; a rebuild makes the next generation;</li>
 * <li>{@code p-k}: every document of the kind (read);</li>
 * <li>{@code p-k-write}: where the indexer writes, one index, or two while a rebuild runs;</li>
 * <li>{@code p-k-store-<store>}: a store's documents (filter on {@code store}, routed by the store code);</li>
 * <li>{@code p-k-group-<group>}: the documents of all stores of a dealer group (filter on {@code group}).</li>
 * </ul>
 * Store and group aliases are added when the first document of a store is indexed.
 */
public class SearchIndexes {

    public static final String ANALYZER_PLACEHOLDER = "${analyzer}";
    /** Fields every kind's mapping has: the store and group the document belongs to. */
    public static final String STORE_FIELD = "store";
    public static final String GROUP_FIELD = "group";

    private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);

    private final ElasticsearchClient es;
    private final ElasticsearchClient queries;
    private final String prefix;
    private final String analyzer;
    /** "index|alias" pairs known to exist, so the indexer asks Elasticsearch once per store. */
    private final Set<String> knownAliases = ConcurrentHashMap.newKeySet();

    /**
     * @param requestTimeout how long a search on a request path may wait for Elasticsearch (connection and answer
     *     each); the indexer and rebuilds, off request paths, use the client's own longer timeouts
     */
    public SearchIndexes(ElasticsearchClient es, String prefix, String analyzer, Duration requestTimeout) {
        this.es = es;
        this.queries = es.withTransportOptions(withTimeout(es, requestTimeout));
        this.prefix = prefix;
        this.analyzer = analyzer;
    }

    /** The client for indexing and rebuilds (background work, generous timeouts). */
    public ElasticsearchClient client() {
        return es;
    }

    /**
     * The client for searches on a request path: a hung cluster fails the search within the request timeout (then
     * the caller answers 503 {@link SearchUnavailable}) instead of holding the request.
     */
    public ElasticsearchClient queries() {
        return queries;
    }

    private static RestClientOptions withTimeout(ElasticsearchClient es, Duration timeout) {
        int millis = Math.toIntExact(timeout.toMillis());
        RestClientOptions current = es._transportOptions() instanceof RestClientOptions options ? options
                : new RestClientOptions(RequestOptions.DEFAULT, false);
        RequestConfig config = RequestConfig.custom().setConnectTimeout(millis).setConnectionRequestTimeout(millis)
                .setSocketTimeout(millis).build();
        return new RestClientOptions(current.restClientRequestOptions().toBuilder().setRequestConfig(config).build(),
                current.keepResponseBodyOnException());
    }

    /** All documents of the kind. */
    public String readAlias(IndexedKind kind) {
        return prefix + "-" + kind.name();
    }

    public String writeAlias(IndexedKind kind) {
        return readAlias(kind) + "-write";
    }

    /** One store's documents: search this for a store, never the read alias with a filter of one's own. */
    public String storeAlias(IndexedKind kind, String store) {
        return readAlias(kind) + "-store-" + store;
    }

    /** The documents of every store of a dealer group. */
    public String groupAlias(IndexedKind kind, String group) {
        return readAlias(kind) + "-group-" + group;
    }

    String indexName(IndexedKind kind, int generation) {
        return readAlias(kind) + "-" + generation;
    }

    /**
     * Creates the kind's first index and its read and write aliases unless they exist. When they exist, the kind's
     * mapping is put on the indices behind the write alias, so a field the kind added since (a new field of a strict
     * mapping) is accepted without a rebuild; documents written before have no value for it until they are written
     * again or rebuilt. A change that Elasticsearch cannot merge (a field's type) needs a rebuild and is only logged.
     */
    public void ensureIndex(IndexedKind kind) {
        try {
            if (es.indices().existsAlias(e -> e.name(readAlias(kind))).value()) {
                addNewFields(kind);
                return;
            }
            String index = indexName(kind, 1);
            if (!es.indices().exists(e -> e.index(index)).value()) {
                try {
                    create(kind, index);
                } catch (ElasticsearchException e) {
                    if (!"resource_already_exists_exception".equals(e.error().type())) {
                        throw e;
                    }
                }
            }
            es.indices().updateAliases(u -> u
                    .actions(a -> a.add(add -> add.index(index).alias(readAlias(kind))))
                    .actions(a -> a.add(add -> add.index(index).alias(writeAlias(kind)))));
            log.info("search index {} created with aliases {} and {}", index, readAlias(kind), writeAlias(kind));
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unreachable while preparing " + readAlias(kind), e);
        }
    }

    private void addNewFields(IndexedKind kind) throws IOException {
        Set<String> indices = indicesOf(writeAlias(kind));
        if (indices.isEmpty()) {
            return;
        }
        String definition = kind.indexDefinition().replace(ANALYZER_PLACEHOLDER, analyzer);
        var mappings = co.elastic.clients.elasticsearch.indices.CreateIndexRequest.of(c -> c.index("definition")
                .withJson(new StringReader(definition))).mappings();
        if (mappings == null) {
            return;
        }
        try {
            es.indices().putMapping(p -> p.index(List.copyOf(indices)).dynamic(mappings.dynamic())
                    .properties(mappings.properties()));
        } catch (ElasticsearchException e) {
            log.warn("the mapping of {} differs from {}'s in a way Elasticsearch cannot merge; rebuild the index: {}",
                    indices, kind.name(), e.getMessage());
        }
    }

    /** Creates an index of the kind under the given name, with the kind's settings and mappings. */
    void create(IndexedKind kind, String index) throws IOException {
        String definition = kind.indexDefinition().replace(ANALYZER_PLACEHOLDER, analyzer);
        es.indices().create(c -> c.index(index).withJson(new StringReader(definition)));
    }

    /** The indices behind an alias (empty when the alias does not exist). */
    public Set<String> indicesOf(String alias) throws IOException {
        if (!es.indices().existsAlias(e -> e.name(alias)).value()) {
            return Set.of();
        }
        return new TreeSet<>(es.indices().getAlias(g -> g.name(alias)).result().keySet());
    }

    /** Every alias of an index with its filter and routing, as the index has them now. */
    Map<String, co.elastic.clients.elasticsearch.indices.AliasDefinition> aliasesOf(String index) throws IOException {
        var result = es.indices().getAlias(g -> g.index(index)).result().get(index);
        return result == null ? Map.of() : result.aliases();
    }

    /**
     * Makes sure the store's alias (and its group's) exist on every index behind the read alias. Cheap after the
     * first call for a store.
     */
    void ensureStoreAliases(IndexedKind kind, String store, @Nullable String group, Set<String> readIndices)
            throws IOException {
        List<Action> actions = new ArrayList<>();
        for (String index : readIndices) {
            String storeAlias = storeAlias(kind, store);
            if (knownAliases.add(index + "|" + storeAlias)) {
                actions.add(Action.of(a -> a.add(add -> add.index(index).alias(storeAlias)
                        .filter(term(STORE_FIELD, store)).routing(store))));
            }
            if (group != null) {
                String groupAlias = groupAlias(kind, group);
                if (knownAliases.add(index + "|" + groupAlias)) {
                    actions.add(Action.of(a -> a.add(add -> add.index(index).alias(groupAlias)
                            .filter(term(GROUP_FIELD, group)))));
                }
            }
        }
        if (!actions.isEmpty()) {
            try {
                es.indices().updateAliases(u -> u.actions(actions));
            } catch (IOException | RuntimeException e) {
                knownAliases.clear();
                throw e;
            }
        }
    }

    /** Forgets which aliases exist (after a rebuild moved them). */
    void forgetAliases() {
        knownAliases.clear();
    }

    static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }
}
