package com.m4s.store.coupon;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the coupon API takes; amounts in fen, dates in the store's calendar. */
public final class CouponRequests {

    /**
     * A template's content. Validity is either {@code validFrom}..{@code validUntil} (inclusive) or {@code validDays}
     * days from the day a coupon is handed out (that day included). Unused numbers of a kind are 0 (or null for the
     * cap); {@link Coupons} answers 422 coupon-template-invalid naming the field otherwise.
     */
    public record CouponTemplateChange(@NotBlank @Size(max = 100) String name, @Size(max = 500) @Nullable String description,
            @NotNull CouponKind kind, @NotNull CouponScope scope,
            @Nullable @Size(max = 50) List<@NotBlank @Size(max = 60) String> scopeCodes,
            @Nullable @Min(0) @Max(100_000_000) Long valueFen, @Nullable @Min(0) @Max(100_000_000) Long thresholdFen,
            @Nullable @Min(0) @Max(99) Integer percentOff, @Nullable @Min(1) @Max(100_000_000) Long capFen,
            @Nullable @Min(0) @Max(10) Integer pointsMultiplier,
            @Nullable @Size(max = 40) @Pattern(regexp = "^[^\\s].*$|^$") String stackGroup,
            @Nullable LocalDate validFrom, @Nullable LocalDate validUntil, @Nullable @Min(1) @Max(3660) Integer validDays,
            @Nullable @Min(1) @Max(100) Integer perMemberLimit, @Nullable @Min(0) @Max(10_000_000) Integer totalLimit,
            @Nullable Boolean claimable) {

        /** Numbers not given are 0 (the multiplier 1, the per-member limit 1); not claimable unless said. */
        public CouponTemplateChange {
            valueFen = valueFen == null ? 0L : valueFen;
            thresholdFen = thresholdFen == null ? 0L : thresholdFen;
            percentOff = percentOff == null ? 0 : percentOff;
            pointsMultiplier = pointsMultiplier == null ? 1 : pointsMultiplier;
            perMemberLimit = perMemberLimit == null ? 1 : perMemberLimit;
            claimable = claimable != null && claimable;
        }

        public List<String> codes() {
            return scopeCodes == null ? List.of() : scopeCodes.stream().map(String::strip).distinct().toList();
        }
    }

    /** Coupons to hand out: to one member or to the members a segment matches now, one of the two. */
    public record CouponIssue(@Nullable UUID memberId, @Nullable UUID segmentId) {
    }

    private CouponRequests() {
    }
}
