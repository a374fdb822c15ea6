package com.m4s.store.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A member to create, optionally with their vehicles and the phone of the member of this store who referred them.
 */
public record NewMember(
        @NotNull @Valid MemberProfile profile,
        @Size(max = 20) @Nullable List<@NotNull @Valid VehicleDetails> vehicles,
        @Pattern(regexp = "1[3-9][0-9]{9}", message = "{validation.phone}") @Nullable String referrerPhone) {

    public NewMember(MemberProfile profile, @Nullable List<VehicleDetails> vehicles) {
        this(profile, vehicles, null);
    }
}
