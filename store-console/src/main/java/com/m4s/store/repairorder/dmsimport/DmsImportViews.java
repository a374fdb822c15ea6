package com.m4s.store.repairorder.dmsimport;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the API answers about file imports. */
final class DmsImportViews {

    private DmsImportViews() {
    }

    /** Where an import is. */
    enum Status {
        /** Accepted, waiting for the store's import job. */
        QUEUED,
        RUNNING,
        DONE,
        /** Stopped by an error of the service (not a row's): {@code error} says which. */
        FAILED
    }

    /**
     * An import's progress and counts, as the history lists it. For a file of customers the "orders" are its
     * customers: created (new members), updated (a known member got a vehicle), unchanged (known, nothing new),
     * rejected.
     */
    record ImportSummary(UUID id, ImportKind kind, String fileName, String format, Status status, int rowsTotal, int rowsDone,
            int rowsRejected, int ordersTotal, int ordersDone, int ordersCreated, int ordersUpdated,
            int ordersUnchanged, int ordersRejected, int membersCreated, String createdBy, Instant createdAt,
            @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable String error) {
    }

    /** A rejected row: its number in the file (as Excel shows it, the header being row 1) and why. */
    record RejectedRow(int rowNo, @Nullable String dmsNumber, String problem,
            @Schema(description = "the reason in the caller's language") String reason) {
    }

    /** An import with its rejected rows (the first {@value DmsImports#REJECTED_SHOWN}; all in the .xlsx). */
    record ImportView(ImportSummary summary, List<RejectedRow> rejected) {
    }
}
