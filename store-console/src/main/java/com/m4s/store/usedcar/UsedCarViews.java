package com.m4s.store.usedcar;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import com.m4s.store.photo.PhotoViews;
import org.jspecify.annotations.Nullable;

/** What the API answers about consigned cars. */
public final class UsedCarViews {

    private UsedCarViews() {
    }

    /** A consigned car with its review and listing, as staff and its owner see it. */
    public record UsedCarView(UUID id, UUID memberId, UsedCarStatus status, String make, String model, int year,
            int mileageKm, String city, Gearbox gearbox, EmissionStandard emissionStandard, @Nullable String colour,
            long priceWishYuan, List<PhotoViews.PhotoView> photos, @Nullable String conditionNotes, @Nullable Long askingPriceYuan,
            @Nullable String conditionReport, @Nullable String reviewNote, @Nullable String reviewedBy,
            @Nullable String reservedNote, @Nullable Long soldPriceYuan, String submittedBy, int revision,
            Instant submittedAt, @Nullable Instant listedAt, @Nullable Instant closedAt, Instant updatedAt,
            long version, List<UsedCarStatus.Move> allowedMoves) {

        static UsedCarView of(UsedCar c, List<PhotoViews.PhotoView> photos) {
            return new UsedCarView(c.id(), c.memberId(), c.status(), c.make(), c.model(), c.year(), c.mileageKm(),
                    c.city(), c.gearbox(), c.emissionStandard(), c.colour(), c.priceWishYuan(), photos,
                    c.conditionNotes(), c.askingPriceYuan(), c.conditionReport(), c.reviewNote(), c.reviewedBy(),
                    c.reservedNote(), c.soldPriceYuan(), c.submittedBy(), c.revision(), c.submittedAt(),
                    c.listedAt(), c.closedAt(), c.updatedAt(), c.version(), moves(c.status()));
        }
    }

    /** A row of the staff list and the review queue. */
    public record UsedCarSummary(UUID id, UUID memberId, UsedCarStatus status, String make, String model, int year,
            int mileageKm, String city, long priceWishYuan, @Nullable Long askingPriceYuan, int revision,
            Instant submittedAt, Instant updatedAt) {

        static UsedCarSummary of(UsedCar c) {
            return new UsedCarSummary(c.id(), c.memberId(), c.status(), c.make(), c.model(), c.year(),
                    c.mileageKm(), c.city(), c.priceWishYuan(), c.askingPriceYuan(), c.revision(), c.submittedAt(),
                    c.updatedAt());
        }
    }

    static List<UsedCarStatus.Move> moves(UsedCarStatus status) {
        return java.util.Arrays.stream(UsedCarStatus.Move.values()).filter(status::allows).toList();
    }
}
