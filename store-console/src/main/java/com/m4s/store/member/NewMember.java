package com.m4s.store.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A member to create, optionally with their vehicles, the phone of the member of this store who referred them and
 * the advisor who brought them in.
 *
 * @param referredByAdvisor the username of an advisor of the store's directory (decision 0038), or none
 */
public record NewMember(
        @NotNull @Valid MemberProfile profile,
        @Size(max = 20) @Nullable List<@NotNull @Valid VehicleDetails> vehicles,
        @Pattern(regexp = "1[3-9][0-9]{9}", message = "{validation.phone}") @Nullable String referrerPhone,
        @Size(max = 64) @Nullable String referredByAdvisor) {

    public NewMember(MemberProfile profile, @Nullable List<VehicleDetails> vehicles) {
        this(profile, vehicles, null, null);
    }
}
