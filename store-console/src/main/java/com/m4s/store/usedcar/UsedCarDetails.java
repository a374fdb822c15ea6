package com.m4s.store.usedcar;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A car as its owner describes it for sale (UCAR-1). Any make and model text is accepted (the market shows what the
 * owner wrote, the reviewer corrects it); the year may not be in the future (checked against the clock), prices are
 * whole yuan. Photos are references: ids of photos uploaded to the store (POST /photos), or links the car already had
 * from before uploads existed (kept while the form keeps sending them; a new link is refused).
 */
public record UsedCarDetails(
        @NotBlank @Size(max = 40) String make,
        @NotBlank @Size(max = 60) String model,
        @NotNull @Min(value = 1980, message = "{validation.year-min}") Integer year,
        @NotNull @Min(0) @Max(value = 1_500_000, message = "{validation.mileage-max}") Integer mileageKm,
        @NotBlank @Size(max = 40) String city,
        @NotNull Gearbox gearbox,
        @NotNull EmissionStandard emissionStandard,
        @Size(max = 20) @Nullable String colour,
        @NotNull @Positive(message = "{validation.price-positive}")
        @Max(value = 50_000_000, message = "{validation.price-max}") Long priceWishYuan,
        @Size(max = 12) @Nullable List<@Valid @NotBlank @Size(max = 500) String> photos,
        @Size(max = 2000) @Nullable String conditionNotes) {

    List<String> photoList() {
        return photos == null ? List.of() : photos.stream().map(String::strip).toList();
    }
}
