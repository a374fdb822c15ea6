package com.m4s.store.usedcar;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request bodies of the consignment workflow. */
public final class UsedCarRequests {

    private UsedCarRequests() {
    }

    /** Staff submitting a car on behalf of a member of the store. */
    public record StaffSubmission(@NotNull UUID memberId, @NotNull @Valid UsedCarDetails car) {
    }

    /** The expert's approval: the car goes on the market at this price with this report. */
    public record Approval(
            @NotNull @Positive(message = "{validation.price-positive}")
            @Max(value = 50_000_000, message = "{validation.price-max}") Long askingPriceYuan,
            @NotBlank @Size(max = 4000) String conditionReport) {
    }

    /** What the owner must change, or why the car is refused. */
    public record Note(@NotBlank @Size(max = 1000) String note) {
    }

    /** A buyer's reservation, e.g. name and deposit receipt. */
    public record Reservation(@Size(max = 500) @Nullable String note) {
    }

    /** The sale; the price actually paid when known. */
    public record Sale(@Positive(message = "{validation.price-positive}")
            @Max(value = 50_000_000, message = "{validation.price-max}")
            @Nullable Long soldPriceYuan) {
    }

    /** Why the car is withdrawn, when someone says. */
    public record Withdrawal(@Size(max = 1000) @Nullable String reason) {
    }
}
