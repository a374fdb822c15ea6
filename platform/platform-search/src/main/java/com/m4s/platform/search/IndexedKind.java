package com.m4s.platform.search;

import com.m4s.platform.events.ReceivedEvent;
import com.m4s.platform.tenancy.Tenant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A kind of searchable document (used cars now; mall products and gifts later), declared by its feature as a bean. */
public interface IndexedKind {

    /** Lower-case with dashes, e.g. {@code used-cars}: index and alias names derive from it, and API paths use it. */
    String name();

    /**
     * The index's settings and mappings as the create-index API takes them; {@value SearchIndexes#ANALYZER_PLACEHOLDER}
     * stands for the configured Chinese analyzer.
     */
    String indexDefinition();

    /** The event topics that change documents of this kind. */
    Collection<String> topics();

    /** What the event means for the index; empty when it does not concern this kind. */
    Optional<IndexChange> change(ReceivedEvent event);

    /**
     * Reads every document of the store from the database (the source of truth), a page at a time, for a rebuild.
     * Runs inside the store's tenant context; the kind opens its own read-only transactions.
     */
    void load(Tenant store, int pageSize, Consumer<List<IndexChange>> page);
}
