package com.m4s.store.transfer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the transfer API takes. */
final class PointTransferRequests {

    /** An owner's transfer: to the member with this mobile number. */
    record OwnTransfer(@NotBlank @Pattern(regexp = "1\\d{10}", message = "{validation.phone}") String phone,
            @NotNull @Min(1) @Max(100_000_000) Long points) {
    }

    /** A manager's reversal, with the reason. */
    record TransferReversal(@NotBlank @Size(max = 200) String reason) {
    }

    /** The store's transfer limits. */
    record TransferPolicyChange(@NotNull Boolean enabled, @NotNull @Min(1) @Max(100_000_000) Long minPoints,
            @NotNull @Min(1) @Max(100_000_000) Long dailyMaxOut) {
    }

    private PointTransferRequests() {
    }
}
