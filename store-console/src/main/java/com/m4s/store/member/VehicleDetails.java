package com.m4s.store.member;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A vehicle as entered by staff. Plates are mainland plates: province character, letter, then 5 characters
 * (6 for new-energy plates), e.g. 粤B16888; letters I and O are not used. VINs are 17 characters without I, O or Q.
 * Both are compared upper-case and without spaces.
 */
public record VehicleDetails(
        @NotBlank @Pattern(regexp = PLATE, message = "{validation.plate}") String plate,
        @NotBlank @Pattern(regexp = VIN, message = "{validation.vin}") String vin,
        @NotBlank @Size(max = 64) String model,
        @PastOrPresent @Nullable LocalDate purchaseDate,
        @PositiveOrZero @Max(2_000_000) @Nullable Integer mileageKm) {

    static final String PLATE =
            "\\s*[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Za-hj-np-z]\\s?"
                    + "[A-HJ-NP-Za-hj-np-z0-9]{4,5}[A-HJ-NP-Za-hj-np-z0-9挂学警]\\s*";
    static final String VIN = "\\s*[A-HJ-NPR-Za-hj-npr-z0-9]{17}\\s*";

    static String normalize(String value) {
        return value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}
