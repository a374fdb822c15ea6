package com.m4s.platform.search;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One document as it should now be in the index.
 *
 * @param id the document id (the entity's id)
 * @param store the store code: the document's routing and the filter of the store's alias
 * @param group the store's dealer group, the filter of the group's alias, if the store has one
 * @param version the entity's version: a change with a version not above the indexed one is ignored
 * @param document the fields to index, or null when the document must be removed
 */
public record IndexChange(String id, String store, @Nullable String group, long version,
        @Nullable Map<String, Object> document) {
}
