package com.m4s.store.member;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One odometer reading of a vehicle, from one source (a repair order): a corrected source replaces its reading.
 * {@code rollback} flags a reading lower than the one before it in time (kept, not refused: a service manager wants
 * to see an odometer that went back).
 */
@Entity
@Table(name = "vehicle_mileage")
class VehicleMileage extends BaseEntity {

    @Column(name = "vehicle_id")
    private UUID vehicleId;
    @Column(name = "mileage_km")
    private int mileageKm;
    @Column(name = "read_at")
    private Instant readAt;
    @Enumerated(EnumType.STRING)
    private MileageSource source;
    @Column(name = "source_id")
    private UUID sourceId;
    @Column(name = "source_ref")
    private @Nullable String sourceRef;
    private boolean rollback;

    protected VehicleMileage() {
        // for JPA, which sets every field right after
        this.vehicleId = new UUID(0, 0);
        this.readAt = Instant.EPOCH;
        this.source = MileageSource.REPAIR_ORDER;
        this.sourceId = new UUID(0, 0);
    }

    VehicleMileage(UUID vehicleId, int mileageKm, Instant readAt, MileageSource source, UUID sourceId,
            @Nullable String sourceRef, Instant now) {
        super(now);
        this.vehicleId = vehicleId;
        this.mileageKm = mileageKm;
        this.readAt = readAt;
        this.source = source;
        this.sourceId = sourceId;
        this.sourceRef = sourceRef;
    }

    /** Whether the reading says something else than the source says now. */
    boolean differs(UUID vehicleId, int mileageKm, Instant readAt, @Nullable String sourceRef) {
        return !this.vehicleId.equals(vehicleId) || this.mileageKm != mileageKm || !this.readAt.equals(readAt)
                || !java.util.Objects.equals(this.sourceRef, sourceRef);
    }

    void correct(UUID vehicleId, int mileageKm, Instant readAt, @Nullable String sourceRef, Instant now) {
        this.vehicleId = vehicleId;
        this.mileageKm = mileageKm;
        this.readAt = readAt;
        this.sourceRef = sourceRef;
        touch(now);
    }

    void flag(boolean rollback, Instant now) {
        if (this.rollback != rollback) {
            this.rollback = rollback;
            touch(now);
        }
    }

    UUID vehicleId() {
        return vehicleId;
    }

    int mileageKm() {
        return mileageKm;
    }

    Instant readAt() {
        return readAt;
    }

    MileageSource source() {
        return source;
    }

    @Nullable String sourceRef() {
        return sourceRef;
    }

    boolean rollback() {
        return rollback;
    }
}
