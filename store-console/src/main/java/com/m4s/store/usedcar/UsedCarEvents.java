package com.m4s.store.usedcar;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The consignment's domain events: one per transition, all on topic {@value #TOPIC}, each carrying the car as it is
 * after the change (the search indexer needs nothing else; the seller's identity stays in the store's database).
 */
public final class UsedCarEvents {

    /** The used-car context's topic. */
    public static final String TOPIC = "m4s.usedcar";

    /** Event types, past tense. */
    public enum Type {
        UsedCarSubmitted, UsedCarDetailsChanged, UsedCarResubmitted, UsedCarChangesRequested, UsedCarRejected,
        UsedCarListed, UsedCarListingChanged, UsedCarReserved, UsedCarReservationReleased, UsedCarSold,
        UsedCarWithdrawn
    }

    /**
     * The payload of every event: the car after the change.
     *
     * @param version the row's version after the change: a later event of the same car has a larger one
     * @param note the reviewer's note or reason of this step, if any
     */
    public record UsedCarChanged(UUID usedCarId, String store, @Nullable String group, long version,
            UsedCarStatus status, String make, String model, int year, int mileageKm, String city, Gearbox gearbox,
            EmissionStandard emissionStandard, @Nullable String colour, @Nullable Long askingPriceYuan,
            List<String> photos, @Nullable String conditionReport, Instant submittedAt, @Nullable Instant listedAt,
            @Nullable String note) {

        static UsedCarChanged of(UsedCar car, String store, @Nullable String group) {
            return new UsedCarChanged(car.id(), store, group, car.version(), car.status(), car.make(), car.model(),
                    car.year(), car.mileageKm(), car.city(), car.gearbox(), car.emissionStandard(), car.colour(),
                    car.askingPriceYuan(), car.photos(), car.conditionReport(), car.submittedAt(), car.listedAt(),
                    car.reviewNote());
        }
    }

    private UsedCarEvents() {
    }
}
