package com.m4s.platform.search;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes documents with the entity's version as external version: Elasticsearch keeps a document only if its version
 * is above the one indexed (or equal, for {@link VersionType#ExternalGte} when repairing), so a change indexed twice,
 * or an older one arriving after a newer one, is refused as a version conflict and changes nothing. Removals are
 * versioned deletes.
 */
final class DocumentWriter {

    private DocumentWriter() {
    }

    /** What a bulk write did. */
    record Outcome(int written, int stale) {
    }

    static Outcome write(SearchIndexes indexes, Collection<String> indices, List<IndexChange> changes,
            VersionType versionType) throws IOException {
        if (changes.isEmpty() || indices.isEmpty()) {
            return new Outcome(0, 0);
        }
        List<BulkOperation> operations = new ArrayList<>(changes.size() * indices.size());
        for (String index : indices) {
            for (IndexChange change : changes) {
                operations.add(change.document() == null
                        ? BulkOperation.of(b -> b.delete(d -> d.index(index).id(change.id()).routing(change.store())
                                .version(change.version()).versionType(versionType)))
                        : BulkOperation.of(b -> b.index(i -> i.index(index).id(change.id()).routing(change.store())
                                .version(change.version()).versionType(versionType).document(change.document()))));
            }
        }
        BulkResponse response = indexes.client().bulk(b -> b.operations(operations));
        int written = 0;
        int stale = 0;
        List<String> failures = new ArrayList<>();
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                written++;
            } else if (item.status() == 409) {
                stale++;
            } else if (item.status() == 404 && "delete".equals(item.operationType().jsonValue())) {
                written++;
            } else {
                failures.add(item.id() + " in " + item.index() + ": " + item.error().type() + " "
                        + item.error().reason());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " documents not indexed, first: " + failures.getFirst());
        }
        return new Outcome(written, stale);
    }
}
