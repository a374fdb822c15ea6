package com.m4s.platform.search;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import com.m4s.platform.security.Caller;
import com.m4s.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilding a search index from the database: every store (operators) or one store (its manager too). */
@RestController
@Tag(name = "search-rebuilds", description = "Rebuild search indexes from the database, with progress")
class SearchRebuildController {

    private final SearchRebuilds rebuilds;

    SearchRebuildController(SearchRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Allow(Permission.SEARCH_REBUILD)
    @PostMapping("/api/search/{kind}/rebuilds")
    @Operation(summary = "Rebuild the index of every store into a new index, swapped in when complete (202)")
    ResponseEntity<SearchRebuilds.Rebuild> rebuildAll(@PathVariable String kind) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.start(kind, null, username()));
    }

    @Allow(Permission.SEARCH_REBUILD)
    @GetMapping("/api/search/{kind}/rebuilds")
    @Operation(summary = "The latest rebuilds of an index, newest first")
    List<SearchRebuilds.Rebuild> recent(@PathVariable String kind) {
        return rebuilds.recent(kind, null);
    }

    @Allow(Permission.SEARCH_REBUILD)
    @GetMapping("/api/search/{kind}/rebuilds/{rebuildId}")
    @Operation(summary = "A rebuild's progress")
    SearchRebuilds.Rebuild get(@PathVariable String kind, @PathVariable UUID rebuildId) {
        return rebuilds.get(kind, rebuildId, null);
    }

    @Allow(Permission.STORE_SEARCH_REBUILD)
    @PostMapping("/api/stores/{store}/search/{kind}/rebuilds")
    @Operation(summary = "Rewrite the store's documents from the database and remove those it no longer has (202)")
    ResponseEntity<SearchRebuilds.Rebuild> rebuildStore(@PathVariable String store, @PathVariable String kind) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(rebuilds.start(kind, TenantContext.require(), username()));
    }

    @Allow(Permission.STORE_SEARCH_REBUILD)
    @GetMapping("/api/stores/{store}/search/{kind}/rebuilds")
    @Operation(summary = "The latest rebuilds of the store's documents")
    List<SearchRebuilds.Rebuild> recentOfStore(@PathVariable String store, @PathVariable String kind) {
        return rebuilds.recent(kind, store);
    }

    @Allow(Permission.STORE_SEARCH_REBUILD)
    @GetMapping("/api/stores/{store}/search/{kind}/rebuilds/{rebuildId}")
    @Operation(summary = "A rebuild of the store's documents and its progress")
    SearchRebuilds.Rebuild getOfStore(@PathVariable String store, @PathVariable String kind,
            @PathVariable UUID rebuildId) {
        return rebuilds.get(kind, rebuildId, store);
    }

    private static String username() {
        return Caller.current().map(Caller::username).orElse("unknown");
    }
}
