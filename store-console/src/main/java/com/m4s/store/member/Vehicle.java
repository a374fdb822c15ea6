package com.m4s.store.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A car owned by a member; its plate and VIN are unique within the store. */
@Entity
@Table(name = "vehicle")
class Vehicle {

    @Id
    private UUID id;
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
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Vehicle() {
        // for JPA, which sets every field right after
        this.id = new UUID(0, 0);
        this.plate = "";
        this.vin = "";
        this.model = "";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    Vehicle(Member member, VehicleDetails details, Instant now) {
        this.id = UUID.randomUUID();
        this.member = member;
        this.plate = "";
        this.vin = "";
        this.model = "";
        this.createdAt = now;
        this.updatedAt = now;
        apply(details, now);
    }

    void apply(VehicleDetails details, Instant now) {
        this.plate = VehicleDetails.normalize(details.plate());
        this.vin = VehicleDetails.normalize(details.vin());
        this.model = details.model().strip();
        this.purchaseDate = details.purchaseDate();
        this.mileageKm = details.mileageKm();
        this.updatedAt = now;
    }

    UUID id() {
        return id;
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

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }
}
