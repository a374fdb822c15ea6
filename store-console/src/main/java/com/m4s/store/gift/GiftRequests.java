package com.m4s.store.gift;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the gift API takes; points in points. */
final class GiftRequests {

    /**
     * A gift as staff describe it, with its photos (uploaded refs, in the order shown; none: no photos, and a change
     * without them removes them); on creation also its first stock and whether it is listed at once.
     */
    record GiftForm(@NotBlank @Size(max = 100) String name, @Size(max = 1000) @Nullable String description,
            @NotNull @Min(1) @Max(100_000_000) Long pointsPrice, @Min(1) @Max(10_000) @Nullable Integer memberLimit,
            @Min(0) @Max(1_000_000) @Nullable Integer lowStockAt, @Min(0) @Max(1_000_000) @Nullable Long initialStock,
            @Nullable Boolean listed, @Size(max = 9) @Nullable List<@NotBlank @Size(max = 300) String> photos) {

        /** Whether a new gift is listed at once; an edit leaves it out (the console sends it on creation only). */
        boolean listedAtOnce() {
            return Boolean.TRUE.equals(listed);
        }

        Gift.Details details() {
            return new Gift.Details(name, description, pointsPrice, memberLimit, lowStockAt == null ? 0 : lowStockAt,
                    photos == null ? List.of() : photos);
        }
    }

    /** Stock received. */
    record StockReceipt(@NotNull @Min(1) @Max(1_000_000) Long quantity, @Size(max = 500) @Nullable String reason) {
    }

    /** A correction after a count (up or down) and why. */
    record StockAdjustment(@NotNull @Min(-1_000_000) @Max(1_000_000) Long delta, @NotBlank @Size(max = 500) String reason) {
    }

    /** A redemption at the desk for a member. */
    record DeskRedemption(@NotNull UUID memberId, @NotNull UUID giftId, @Min(1) @Max(99) int quantity) {
    }

    /** An owner's redemption in the app. */
    record AppRedemption(@NotNull UUID giftId, @Min(1) @Max(99) int quantity) {
    }

    /** Why a redemption is cancelled. */
    record RedemptionCancellation(@NotBlank @Size(max = 500) String reason) {
    }

    /** A new distribution: the gift, how many each member gets, why; members picked and a segment, if given. */
    record DistributionForm(@NotNull UUID giftId, @NotBlank @Size(max = 100) String title,
            @Min(1) @Max(99) int quantity, @Size(max = 10_000) @Nullable List<UUID> memberIds,
            @Nullable UUID segmentId) {
    }

    /** Members picked by hand for a distribution. */
    record DistributionMembers(@NotNull @Size(min = 1, max = 10_000) List<UUID> memberIds) {
    }

    /** A segment whose members now join a distribution. */
    record DistributionSegment(@NotNull UUID segmentId) {
    }

    private GiftRequests() {
    }
}
