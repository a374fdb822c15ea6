package com.m4s.store.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A member to create, optionally with their vehicles. */
public record NewMember(
        @NotNull @Valid MemberProfile profile,
        @Size(max = 20) @Nullable List<@NotNull @Valid VehicleDetails> vehicles) {
}
