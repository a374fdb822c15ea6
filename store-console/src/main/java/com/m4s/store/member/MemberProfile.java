package com.m4s.store.member;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The editable profile of a member. Phone numbers are mainland mobile numbers (11 digits, starting 13-19). */
public record MemberProfile(
        @NotBlank @Size(max = 64) String name,
        @NotBlank @Pattern(regexp = "1[3-9][0-9]{9}", message = "{validation.phone}") String phone,
        @Past @Nullable LocalDate birthday,
        @Nullable MemberSource source,
        @Size(max = 500) @Nullable String notes) {
}
