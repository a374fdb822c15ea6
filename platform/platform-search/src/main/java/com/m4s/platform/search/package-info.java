/**
 * Search indexes in Elasticsearch, fed by domain events (decision 0011). A feature describes a kind of document
 * ({@link com.m4s.platform.search.IndexedKind}): its index definition, how its events change documents, and how to
 * read every document of a store from the database. The platform keeps one index per kind behind aliases — all
 * documents, one filtered alias per store (routed by store code) and one per dealer group — indexes events with the
 * row's version as external version (so repeats and late arrivals change nothing), and rebuilds an index from the
 * database behind the aliases while searches keep being answered.
 */
@NullMarked
package com.m4s.platform.search;

import org.jspecify.annotations.NullMarked;
