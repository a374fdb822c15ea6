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

/** What the DMS sends (by the REST batch, or read from a file by the import). */
public final class RepairOrderRequests {

    private RepairOrderRequests() {
    }

    /** The DMS's status of an order. */
    public enum DmsStatus {
        OPEN, SETTLED, REVERSED
    }

    /** A batch of orders, each upserted on its own. */
    public record Batch(@NotEmpty @Size(max = 500) List<@Valid @NotNull DmsOrder> orders) {
    }

    /**
     * An order as the DMS has it now; sent again whole after any change. The member is named by id, or found by the
     * customer's phone, then the plate, then the VIN (and made when none matches, as the store's setting says).
     */
    public record DmsOrder(@NotBlank @Size(max = 50) String dmsNumber,
            @Schema(description = "the member's id; without it the member is matched by customer phone, plate, VIN")
            @Nullable UUID memberId,
            @Valid @Nullable DmsCustomer customer,
            @Size(max = 20) @Nullable String plate, @Size(max = 17) @Nullable String vin,
            @Size(max = 100) @Nullable String advisor, @Min(0) @Max(10_000_000) @Nullable Integer mileageKm,
            @NotNull Instant openedAt, @NotNull DmsStatus status,
            @Schema(description = "when the order was paid; required when SETTLED or REVERSED") @Nullable Instant settledAt,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull DmsLine> lines) {

        /** The same order for the member it was matched to. */
        DmsOrder forMember(UUID member) {
            return new DmsOrder(dmsNumber, member, customer, plate, vin, advisor, mileageKm, openedAt, status,
                    settledAt, lines);
        }
    }

    /** The customer as the DMS knows them: enough to find the member, or to make one (name and mobile number). */
    public record DmsCustomer(@Size(max = 64) @Nullable String name, @Size(max = 20) @Nullable String phone,
            @Schema(description = "the car model, for a vehicle made with a new member") @Size(max = 64)
            @Nullable String vehicleModel) {
    }

    /** A line; {@code refunded} marks a line the store refunded after settlement (its points are taken back). */
    public record DmsLine(@Min(1) @Max(10_000) int lineNo, @NotNull LineKind kind,
            @NotBlank @Size(max = 200) String description, @Size(max = 50) @Nullable String partNumber,
            @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal quantity, @NotNull Money amount,
            @NotNull AccountType accountType, boolean refunded) {
    }
}
