package com.m4s.store.repairorder;

import com.m4s.store.points.AccountType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the repair order list (and of its export, page and size aside).
 *
 * @param status the orders in these states (all when none)
 * @param accountType the orders with at least one line paid by one of these accounts (all when none)
 * @param settledFrom settled at or after
 * @param settledTo settled before
 * @param advisor the service advisor's name, as the DMS sends it
 * @param q part of the DMS order number, of the plate, or of the member's name or phone
 */
public record RepairOrderQuery(
        @Nullable List<RepairOrderStatus> status,
        @Nullable List<AccountType> accountType,
        @Nullable Instant settledFrom,
        @Nullable Instant settledTo,
        @Size(max = 100) @Nullable String advisor,
        @Size(max = 64) @Nullable String q,
        @Schema(defaultValue = "0") @Min(0) @Max(100_000) @Nullable Integer page,
        @Schema(defaultValue = "20") @Min(1) @Max(100) @Nullable Integer size,
        @Schema(defaultValue = "openedAt,desc", description = "openedAt, settledAt, dmsNumber, total or points,"
                + " then asc or desc") @Nullable String sort) {

    static final int DEFAULT_SIZE = 20;
    static final String DEFAULT_SORT = "openedAt,desc";

    String sortOrDefault() {
        return sort == null || sort.isBlank() ? DEFAULT_SORT : sort;
    }
}
