package com.m4s.platform.search;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.indices.AliasDefinition;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import com.m4s.platform.tenancy.ActiveTenants;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.web.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rebuilds search indexes from the database, the source of truth, in the background with progress.
 * <ul>
 * <li><b>Every store</b>: a new generation of the index is created and added to the write alias (from then on the
 * indexer writes each event to both), every active store's documents are loaded into it, then one atomic alias
 * update moves the read, store and group aliases to it and the old index is deleted. Searches keep being answered
 * from the old index until the swap.</li>
 * <li><b>One store</b>: its documents are written again in place (equal versions overwrite, newer ones win) and
 * documents of the store that the database no longer has are removed.</li>
 * </ul>
 * One rebuild of a kind at a time (a second request is a 409). A rebuild cut short by a restart of the service is
 * marked failed at the next start and its half-built index removed.
 */
public class SearchRebuilds {

    /** A rebuild and how far it got. */
    public record Rebuild(UUID id, String kind, @Nullable String store, String status, int storesTotal,
            int storesDone, long documents, long removed, @Nullable String targetIndex, @Nullable String error,
            String requestedBy, Instant startedAt, @Nullable Instant finishedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(SearchRebuilds.class);
    private static final int PAGE = 500;

    private final SearchIndexes indexes;
    private final Map<String, IndexedKind> kinds = new LinkedHashMap<>();
    private final ActiveTenants tenants;
    private final JdbcTemplate jdbc;
    private final String table;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-rebuild");
        t.setDaemon(true);
        return t;
    });

    public SearchRebuilds(SearchIndexes indexes, List<IndexedKind> kinds, ActiveTenants tenants, JdbcTemplate jdbc,
            String schema, Clock clock) {
        this.indexes = indexes;
        kinds.forEach(k -> this.kinds.put(k.name(), k));
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.table = schema + ".search_rebuild";
        this.clock = clock;
    }

    /** Starts a rebuild of every store (store null) or of one store; answers at once with the RUNNING rebuild. */
    public Rebuild start(String kindName, @Nullable Tenant store, String requestedBy) {
        IndexedKind kind = kind(kindName);
        UUID id = UUID.randomUUID();
        try {
            jdbc.update("insert into " + table + " (id, kind, store_code, status, stores_total, stores_done,"
                    + " documents, removed, requested_by, started_at) values (?, ?, ?, 'RUNNING', ?, 0, 0, 0, ?, ?)",
                    id, kind.name(), store == null ? null : store.storeCode(), store == null ? 0 : 1, requestedBy,
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new ApiException.Conflict("rebuild-running", kind.name());
        }
        worker.execute(() -> {
            try {
                if (store == null) {
                    rebuildAll(kind, id);
                } else {
                    repairStore(kind, store, id);
                }
                jdbc.update("update " + table + " set status = 'DONE', finished_at = ? where id = ?",
                        Timestamp.from(clock.instant()), id);
            } catch (Exception e) {
                log.warn("search rebuild {} of {} failed", id, kind.name(), e);
                jdbc.update("update " + table + " set status = 'FAILED', error = ?, finished_at = ? where id = ?",
                        abbreviate(e.toString()), Timestamp.from(clock.instant()), id);
            }
        });
        return get(kind.name(), id, store == null ? null : store.storeCode());
    }

    /** A rebuild of the kind; with a store, only a rebuild of that store is found. */
    public Rebuild get(String kindName, UUID id, @Nullable String store) {
        List<Rebuild> found = store == null
                ? jdbc.query("select * from " + table + " where id = ? and kind = ?", SearchRebuilds::row, id,
                        kindName)
                : jdbc.query("select * from " + table + " where id = ? and kind = ? and store_code = ?",
                        SearchRebuilds::row, id, kindName, store);
        if (found.isEmpty()) {
            throw new ApiException.NotFound("search-rebuild", id);
        }
        return found.getFirst();
    }

    /** The latest rebuilds of the kind, newest first; with a store, only that store's. */
    public List<Rebuild> recent(String kindName, @Nullable String store) {
        kind(kindName);
        return store == null
                ? jdbc.query("select * from " + table + " where kind = ? order by started_at desc limit 20",
                        SearchRebuilds::row, kindName)
                : jdbc.query("select * from " + table + " where kind = ? and store_code = ?"
                        + " order by started_at desc limit 20", SearchRebuilds::row, kindName, store);
    }

    /** At start-up: rebuilds that were running when the service stopped are failed, their new index removed. */
    public void recoverInterrupted() {
        int interrupted = jdbc.update("update " + table + " set status = 'FAILED', error = 'interrupted: the service"
                + " stopped during the rebuild', finished_at = ? where status = 'RUNNING'",
                Timestamp.from(clock.instant()));
        for (IndexedKind kind : kinds.values()) {
            try {
                Set<String> write = indexes.indicesOf(indexes.writeAlias(kind));
                Set<String> read = indexes.indicesOf(indexes.readAlias(kind));
                for (String index : write) {
                    if (!read.isEmpty() && !read.contains(index)) {
                        indexes.client().indices().delete(d -> d.index(index));
                        log.info("removed the unfinished index {} of an interrupted rebuild", index);
                    }
                }
            } catch (IOException | RuntimeException e) {
                log.warn("could not check {} for an unfinished rebuild (Elasticsearch unreachable?): {}",
                        kind.name(), e.toString());
            }
        }
        if (interrupted > 0) {
            log.warn("{} search rebuilds were interrupted by a restart and are marked failed", interrupted);
        }
    }

    public IndexedKind kind(String name) {
        IndexedKind kind = kinds.get(name);
        if (kind == null) {
            throw new ApiException.NotFound("search-index", name);
        }
        return kind;
    }

    private void rebuildAll(IndexedKind kind, UUID id) throws IOException {
        indexes.ensureIndex(kind);
        Set<String> old = indexes.indicesOf(indexes.readAlias(kind));
        int generation = 0;
        for (String index : old) {
            generation = Math.max(generation, generationOf(index));
        }
        String target = indexes.indexName(kind, generation + 1);
        indexes.create(kind, target);
        jdbc.update("update " + table + " set target_index = ? where id = ?", target, id);
        indexes.client().indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(target)
                .alias(indexes.writeAlias(kind)))));
        boolean swapped = false;
        try {
            List<Tenant> stores = tenants.activeTenants();
            jdbc.update("update " + table + " set stores_total = ? where id = ?", stores.size(), id);
            Map<String, @Nullable String> groups = new LinkedHashMap<>();
            AtomicLong documents = new AtomicLong();
            for (Tenant store : stores) {
                TenantContext.runAs(store, () -> kind.load(store, PAGE, page -> {
                    page.forEach(c -> groups.put(c.store(), c.group()));
                    documents.addAndGet(write(Set.of(target), page, VersionType.External));
                }));
                jdbc.update("update " + table + " set stores_done = stores_done + 1, documents = ? where id = ?",
                        documents.get(), id);
            }
            indexes.client().indices().refresh(r -> r.index(target));
            swap(kind, old, target, groups);
            swapped = true;
            for (String index : old) {
                indexes.client().indices().delete(d -> d.index(index));
            }
            log.info("search index {} rebuilt as {} with {} documents of {} stores", indexes.readAlias(kind), target,
                    documents.get(), stores.size());
        } finally {
            if (!swapped) {
                indexes.client().indices().delete(d -> d.index(target));
            }
        }
    }

    /** Moves every alias of the old indices to the target in one atomic update, adding any store alias missing. */
    private void swap(IndexedKind kind, Set<String> old, String target, Map<String, @Nullable String> groups)
            throws IOException {
        List<Action> actions = new ArrayList<>();
        Set<String> moved = new HashSet<>();
        for (String index : old) {
            for (Map.Entry<String, AliasDefinition> alias : indexes.aliasesOf(index).entrySet()) {
                String name = alias.getKey();
                AliasDefinition definition = alias.getValue();
                actions.add(Action.of(a -> a.remove(r -> r.index(index).alias(name))));
                if (!name.equals(indexes.writeAlias(kind)) && moved.add(name)) {
                    actions.add(Action.of(a -> a.add(add -> {
                        add.index(target).alias(name);
                        if (definition.filter() != null) {
                            add.filter(definition.filter());
                        }
                        if (definition.indexRouting() != null) {
                            add.indexRouting(definition.indexRouting());
                        }
                        if (definition.searchRouting() != null) {
                            add.searchRouting(definition.searchRouting());
                        }
                        return add;
                    })));
                }
            }
        }
        if (moved.add(indexes.readAlias(kind))) {
            actions.add(Action.of(a -> a.add(add -> add.index(target).alias(indexes.readAlias(kind)))));
        }
        groups.forEach((store, group) -> {
            String storeAlias = indexes.storeAlias(kind, store);
            if (moved.add(storeAlias)) {
                actions.add(Action.of(a -> a.add(add -> add.index(target).alias(storeAlias)
                        .filter(SearchIndexes.term(SearchIndexes.STORE_FIELD, store)).routing(store))));
            }
            if (group != null && moved.add(indexes.groupAlias(kind, group))) {
                actions.add(Action.of(a -> a.add(add -> add.index(target).alias(indexes.groupAlias(kind, group))
                        .filter(SearchIndexes.term(SearchIndexes.GROUP_FIELD, group)))));
            }
        });
        indexes.client().indices().updateAliases(u -> u.actions(actions));
        indexes.forgetAliases();
    }

    private void repairStore(IndexedKind kind, Tenant store, UUID id) throws IOException {
        indexes.ensureIndex(kind);
        Set<String> write = indexes.indicesOf(indexes.writeAlias(kind));
        List<String> ids = new ArrayList<>();
        String[] group = new String[1];
        AtomicLong documents = new AtomicLong();
        TenantContext.runAs(store, () -> kind.load(store, PAGE, page -> {
            page.forEach(c -> {
                ids.add(c.id());
                group[0] = c.group();
            });
            documents.addAndGet(write(write, page, VersionType.ExternalGte));
            jdbc.update("update " + table + " set documents = ? where id = ?", documents.get(), id);
        }));
        indexes.ensureStoreAliases(kind, store.storeCode(), group[0], indexes.indicesOf(indexes.readAlias(kind)));
        long removed = 0;
        Set<String> known = new HashSet<>(ids);
        for (String index : write) {
            removed += removeUnknown(index, store.storeCode(), known);
        }
        jdbc.update("update " + table + " set stores_done = 1, documents = ?, removed = ? where id = ?",
                documents.get(), removed, id);
    }

    /**
     * Deletes the store's documents in the index whose ids the database does not have. (The search server we run
     * locally has no delete-by-query, so the ids are read page by page and deleted in bulk.)
     */
    private long removeUnknown(String index, String store, Set<String> known) throws IOException {
        indexes.client().indices().refresh(r -> r.index(index));
        List<String> unknown = new ArrayList<>();
        List<co.elastic.clients.elasticsearch._types.FieldValue> after = null;
        while (true) {
            List<co.elastic.clients.elasticsearch._types.FieldValue> from = after;
            var page = indexes.client().search(s -> {
                s.index(index).routing(store).size(1000).source(src -> src.fetch(false))
                        .query(SearchIndexes.term(SearchIndexes.STORE_FIELD, store))
                        .sort(o -> o.field(f -> f.field("_doc")));
                if (from != null) {
                    s.searchAfter(from);
                }
                return s;
            }, Object.class);
            var hits = page.hits().hits();
            for (var hit : hits) {
                if (hit.id() != null && !known.contains(hit.id())) {
                    unknown.add(hit.id());
                }
            }
            if (hits.size() < 1000) {
                break;
            }
            after = hits.getLast().sort();
        }
        if (unknown.isEmpty()) {
            return 0;
        }
        List<co.elastic.clients.elasticsearch.core.bulk.BulkOperation> deletes = unknown.stream()
                .map(id -> co.elastic.clients.elasticsearch.core.bulk.BulkOperation.of(b -> b.delete(d -> d
                        .index(index).id(id).routing(store)))).toList();
        indexes.client().bulk(b -> b.operations(deletes).refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
        return unknown.size();
    }

    private long write(Set<String> indices, List<IndexChange> page, VersionType versionType) {
        try {
            return DocumentWriter.write(indexes, indices, page, versionType).written();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int generationOf(String index) {
        int dash = index.lastIndexOf('-');
        try {
            return Integer.parseInt(index.substring(dash + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    private static Rebuild row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Rebuild(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("store_code"),
                rs.getString("status"), rs.getInt("stores_total"), rs.getInt("stores_done"), rs.getLong("documents"),
                rs.getLong("removed"), rs.getString("target_index"), rs.getString("error"),
                rs.getString("requested_by"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
