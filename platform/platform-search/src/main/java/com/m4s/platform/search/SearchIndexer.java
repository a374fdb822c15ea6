package com.m4s.platform.search;

import co.elastic.clients.elasticsearch._types.VersionType;
import com.m4s.platform.events.EventHandler;
import com.m4s.platform.events.ReceivedEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event consumer that keeps the indexes up to date: every event of a kind's topics becomes a versioned write to
 * each index behind the kind's write alias (two while a rebuild runs). Idempotent through the external versions, so
 * it needs no processed-event table; a failed bulk write (Elasticsearch down) throws, and the consumer hands the
 * batch over again once it is back.
 */
public class SearchIndexer implements EventHandler {

    private final SearchIndexes indexes;
    private final List<IndexedKind> kinds;
    private final AtomicLong written = new AtomicLong();

    public SearchIndexer(SearchIndexes indexes, List<IndexedKind> kinds) {
        this.indexes = indexes;
        this.kinds = List.copyOf(kinds);
    }

    /** Topics of every kind. */
    public Set<String> topics() {
        Set<String> topics = new java.util.TreeSet<>();
        kinds.forEach(k -> topics.addAll(k.topics()));
        return topics;
    }

    /** Documents written since start (stale repeats not counted). */
    public long written() {
        return written.get();
    }

    @Override
    public void handle(List<ReceivedEvent> events) throws Exception {
        Map<IndexedKind, List<IndexChange>> changes = new LinkedHashMap<>();
        for (ReceivedEvent event : events) {
            for (IndexedKind kind : kinds) {
                if (kind.topics().contains(event.topic())) {
                    kind.change(event).ifPresent(c -> changes.computeIfAbsent(kind, k -> new ArrayList<>()).add(c));
                }
            }
        }
        for (Map.Entry<IndexedKind, List<IndexChange>> entry : changes.entrySet()) {
            IndexedKind kind = entry.getKey();
            indexes.ensureIndex(kind);
            Set<String> readIndices = indexes.indicesOf(indexes.readAlias(kind));
            Map<String, String> storesAndGroups = new LinkedHashMap<>();
            entry.getValue().forEach(c -> storesAndGroups.putIfAbsent(c.store(), c.group() == null ? "" : c.group()));
            for (Map.Entry<String, String> store : storesAndGroups.entrySet()) {
                indexes.ensureStoreAliases(kind, store.getKey(), store.getValue().isEmpty() ? null
                        : store.getValue(), readIndices);
            }
            DocumentWriter.Outcome outcome = DocumentWriter.write(indexes,
                    indexes.indicesOf(indexes.writeAlias(kind)), entry.getValue(), VersionType.External);
            written.addAndGet(outcome.written());
        }
    }
}
