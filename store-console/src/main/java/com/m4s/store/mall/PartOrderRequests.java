package com.m4s.store.mall;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the part orders' API takes; money in fen. */
final class PartOrderRequests {

    /**
     * A part ordered for a member: the member's car it is for (optional), the part, how many, the supplier and the day
     * it should come (optional), the price and deposit agreed (optional, fen), the repair order it belongs to, a note;
     * {@code notifyOwner}: whether the owner wants a text when it comes (yes unless they said no).
     */
    record NewPartOrder(@NotNull UUID memberId, @Nullable UUID vehicleId, @NotBlank @Size(max = 100) String partName,
            @NotBlank @Size(max = 40) String partNumber, @Min(1) @Max(999) int quantity,
            @Size(max = 100) @Nullable String supplier, @Nullable LocalDate expectedOn,
            @Min(0) @Max(100_000_000) @Nullable Long priceFen, @Min(0) @Max(100_000_000) @Nullable Long depositFen,
            @Size(max = 40) @Nullable String repairOrderNumber, @Size(max = 300) @Nullable String note,
            @Nullable Boolean notifyOwner) {
    }

    /** Why a part order is called off. */
    record PartOrderCancellation(@NotBlank @Size(max = 300) String reason) {
    }

    private PartOrderRequests() {
    }
}
