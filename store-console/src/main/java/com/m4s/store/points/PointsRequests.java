package com.m4s.store.points;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the points API. */
final class PointsRequests {

    private PointsRequests() {
    }

    /** A manual change: points to add (positive) or deduct (negative), and why. */
    record Adjustment(@Min(-1_000_000) @Max(1_000_000) long points, @NotBlank @Size(max = 500) String reason) {
    }

    /** Points spent at the counter, and on what. */
    record Redemption(@Min(1) @Max(1_000_000) long points, @NotBlank @Size(max = 100) String what) {
    }

    /** Why expired points are restored. */
    record ExpiryReversal(@NotBlank @Size(max = 500) String reason) {
    }
}
