package com.m4s.store.member;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A car owned by a member; its plate and VIN are unique within the store. */
@Entity
@Table(name = "vehicle")
class Vehicle extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "member_id")
    private @Nullable Member member;
    private String plate;
    private String vin;
    private String model;
    @Column(name = "purchase_date")
    private @Nullable LocalDate purchaseDate;
    @Column(name = "mileage_km")
    private @Nullable Integer mileageKm;

    protected Vehicle() {
        // for JPA, which sets every field right after
        this.plate = "";
        this.vin = "";
        this.model = "";
    }

    Vehicle(Member member, VehicleDetails details, Instant now) {
        super(now);
        this.member = member;
        this.plate = "";
        this.vin = "";
        this.model = "";
        apply(details, now);
    }

    void apply(VehicleDetails details, Instant now) {
        this.plate = VehicleDetails.normalize(details.plate());
        this.vin = VehicleDetails.normalize(details.vin());
        this.model = details.model().strip();
        this.purchaseDate = details.purchaseDate();
        this.mileageKm = details.mileageKm();
        touch(now);
    }

    /** The latest odometer reading became the vehicle's mileage ({@link MileageReadings}). */
    void readMileage(int mileageKm, Instant now) {
        if (this.mileageKm == null || this.mileageKm != mileageKm) {
            this.mileageKm = mileageKm;
            touch(now);
        }
    }

    /** The member owning the vehicle. */
    java.util.UUID memberId() {
        return java.util.Objects.requireNonNull(member).id();
    }

    String plate() {
        return plate;
    }

    String vin() {
        return vin;
    }

    String model() {
        return model;
    }

    @Nullable LocalDate purchaseDate() {
        return purchaseDate;
    }

    @Nullable Integer mileageKm() {
        return mileageKm;
    }

}
