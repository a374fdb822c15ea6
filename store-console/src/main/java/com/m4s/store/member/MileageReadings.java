package com.m4s.store.member;

import com.m4s.platform.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vehicles' odometer readings (HLT-3, decision 0035): one reading per source, recorded in the source's transaction;
 * the vehicle's mileage is its latest reading; a reading lower than the one read before it is flagged as a rollback.
 */
@Service
class MileageReadings {

    /** Above this the vehicle's own column refuses the value ({@code vehicle_mileage_ck}): the reading is kept alone. */
    private static final int VEHICLE_MAX_KM = 2_000_000;

    private final VehicleMileageRepository readings;
    private final VehicleRepository vehicles;
    private final MemberRepository members;
    private final Clock clock;

    MileageReadings(VehicleMileageRepository readings, VehicleRepository vehicles, MemberRepository members,
            Clock clock) {
        this.readings = readings;
        this.vehicles = vehicles;
        this.members = members;
        this.clock = clock;
    }

    /**
     * What a source says now: the vehicle (by VIN, else plate) read {@code mileageKm} at {@code readAt}. Adds the
     * source's reading, corrects it when it says something else (a second reading is never made), removes it when the
     * source no longer names a known vehicle or a mileage; nothing when it says the same.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Members.MileageReading reading) {
        Optional<VehicleMileage> existing = readings.findBySourceAndSourceId(reading.source(), reading.sourceId());
        Optional<Vehicle> vehicle = reading.mileageKm() == null ? Optional.empty()
                : vehicle(reading.vin(), reading.plate());
        Instant now = clock.instant();
        if (vehicle.isEmpty()) {
            existing.ifPresent(old -> {
                readings.delete(old);
                readings.flush();
                recompute(old.vehicleId(), now);
            });
            return;
        }
        UUID vehicleId = vehicle.get().id();
        int km = java.util.Objects.requireNonNull(reading.mileageKm());
        if (existing.isEmpty()) {
            readings.save(new VehicleMileage(vehicleId, km, reading.readAt(), reading.source(), reading.sourceId(),
                    reading.sourceRef(), now));
        } else if (existing.get().differs(vehicleId, km, reading.readAt(), reading.sourceRef())) {
            UUID before = existing.get().vehicleId();
            existing.get().correct(vehicleId, km, reading.readAt(), reading.sourceRef(), now);
            if (!before.equals(vehicleId)) {
                readings.flush();
                recompute(before, now);
            }
        } else {
            return;
        }
        readings.flush();
        recompute(vehicleId, now);
    }

    /** A member's vehicle's readings, newest first; 404 when the member has no such vehicle. */
    @Transactional(readOnly = true)
    public List<MemberViews.MileageReadingView> history(UUID memberId, UUID vehicleId) {
        Member member = members.findById(memberId).orElseThrow(() -> new ApiException.NotFound("member", memberId));
        member.vehicle(vehicleId).orElseThrow(() -> new ApiException.NotFound("vehicle", vehicleId));
        List<VehicleMileage> all = readings.findByVehicleIdOrderByReadAtAscCreatedAtAsc(vehicleId);
        return all.reversed().stream().map(MemberViews.MileageReadingView::of).toList();
    }

    /** The owner's vehicle's readings, newest first; 404 when the vehicle is not the owner's. */
    @Transactional(readOnly = true)
    public List<MemberViews.MileageReadingView> ownerHistory(String subject, UUID vehicleId) {
        Member member = members.findByOwnerSubject(subject)
                .orElseThrow(() -> new ApiException.NotFound("owner-account"));
        return history(member.id(), vehicleId);
    }

    private Optional<Vehicle> vehicle(@Nullable String vin, @Nullable String plate) {
        Optional<Vehicle> found = vin == null || vin.isBlank() ? Optional.empty()
                : vehicles.findByVin(VehicleDetails.normalize(vin));
        if (found.isEmpty() && plate != null && !plate.isBlank()) {
            found = vehicles.findByPlate(VehicleDetails.normalize(plate));
        }
        return found;
    }

    /** Flags each reading against the one read before it; the vehicle's mileage becomes the latest reading. */
    private void recompute(UUID vehicleId, Instant now) {
        List<VehicleMileage> all = readings.findByVehicleIdOrderByReadAtAscCreatedAtAsc(vehicleId);
        VehicleMileage previous = null;
        for (VehicleMileage reading : all) {
            reading.flag(previous != null && reading.mileageKm() < previous.mileageKm(), now);
            previous = reading;
        }
        if (previous != null && previous.mileageKm() <= VEHICLE_MAX_KM) {
            int latest = previous.mileageKm();
            vehicles.findById(vehicleId).ifPresent(v -> v.readMileage(latest, now));
        }
    }
}
