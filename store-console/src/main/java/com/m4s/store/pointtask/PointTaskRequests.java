package com.m4s.store.pointtask;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What the point task endpoints take. */
public final class PointTaskRequests {

    /**
     * A task as the editor sends it: fixed {@code points}, or {@code pointsPerYuan} of the customer-paid amount (order
     * triggers only); valid on the store days from {@code validFrom} to {@code validUntil} (open when null).
     */
    public record PointTaskChange(@NotBlank @Size(max = 60) String name, @Size(max = 1000) @Nullable String description,
            @NotNull PointTaskTrigger trigger, @NotNull PointTaskReward rewardKind,
            @Min(1) @Max(1_000_000) @Nullable Long points,
            @DecimalMin(value = "0.0001") @DecimalMax("1000") @Nullable BigDecimal pointsPerYuan,
            @NotNull PointTaskLimit memberLimit, @NotNull LocalDate validFrom, @Nullable LocalDate validUntil) {
    }

    private PointTaskRequests() {
    }
}
