package com.m4s.store.repairorder;

import com.m4s.platform.money.Money;
import com.m4s.store.points.AccountType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the DMS sends. */
final class RepairOrderRequests {

    private RepairOrderRequests() {
    }

    /** The DMS's status of an order. */
    enum DmsStatus {
        OPEN, SETTLED, REVERSED
    }

    /** A batch of orders, each upserted on its own. */
    record Batch(@NotEmpty @Size(max = 500) List<@Valid @NotNull DmsOrder> orders) {
    }

    /** An order as the DMS has it now; sent again whole after any change. */
    record DmsOrder(@NotBlank @Size(max = 50) String dmsNumber, @NotNull UUID memberId,
            @Size(max = 20) @Nullable String plate, @Size(max = 17) @Nullable String vin,
            @Size(max = 100) @Nullable String advisor, @Min(0) @Max(10_000_000) @Nullable Integer mileageKm,
            @NotNull Instant openedAt, @NotNull DmsStatus status,
            @Schema(description = "when the order was paid; required when SETTLED or REVERSED") @Nullable Instant settledAt,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull DmsLine> lines) {
    }

    /** A line; {@code refunded} marks a line the store refunded after settlement (its points are taken back). */
    record DmsLine(@Min(1) @Max(10_000) int lineNo, @NotNull LineKind kind,
            @NotBlank @Size(max = 200) String description, @Size(max = 50) @Nullable String partNumber,
            @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal quantity, @NotNull Money amount,
            @NotNull AccountType accountType, boolean refunded) {
    }
}
