package com.m4s.store.member;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A customer record of one store, with the vehicles they own. */
@Entity
@Table(name = "member")
class Member extends BaseEntity {

    private String name;
    private String phone;
    private @Nullable LocalDate birthday;
    @Enumerated(EnumType.STRING)
    private @Nullable MemberSource source;
    private @Nullable String notes;
    /** The owner login (Keycloak user id) bound to this member by the owner's sign-up, if any. */
    @Column(name = "owner_subject")
    private @Nullable String ownerSubject;
    @Column(name = "owner_username")
    private @Nullable String ownerUsername;
    /** The member of the same store who referred this one, set when the member is created; never changed. */
    @Column(name = "referred_by", updatable = false)
    private @Nullable UUID referredBy;
    /**
     * The advisor (staff login's username) who brought this member in, set when the member is created; never changed
     * (decision 0038).
     */
    @Column(name = "referred_by_advisor", updatable = false)
    private @Nullable String referredByAdvisor;

    @OneToMany(mappedBy = "member", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("createdAt")
    private List<Vehicle> vehicles = new ArrayList<>();

    protected Member() {
        // for JPA, which sets every field right after
        this.name = "";
        this.phone = "";
    }

    Member(MemberProfile profile, @Nullable UUID referredBy, @Nullable String referredByAdvisor, Instant now) {
        super(now);
        this.name = profile.name();
        this.phone = profile.phone();
        this.referredBy = referredBy;
        this.referredByAdvisor = referredByAdvisor;
        apply(profile, now);
    }

    void apply(MemberProfile profile, Instant now) {
        this.name = profile.name().strip();
        this.phone = profile.phone().strip();
        this.birthday = profile.birthday();
        this.source = profile.source();
        this.notes = profile.notes();
        touch(now);
    }

    Vehicle addVehicle(VehicleDetails details, Instant now) {
        Vehicle vehicle = new Vehicle(this, details, now);
        vehicles.add(vehicle);
        touch(now);
        return vehicle;
    }

    Optional<Vehicle> vehicle(UUID vehicleId) {
        return vehicles.stream().filter(v -> v.id().equals(vehicleId)).findFirst();
    }

    void removeVehicle(Vehicle vehicle, Instant now) {
        vehicles.remove(vehicle);
        touch(now);
    }

    /** Binds the owner's login; false if another login is bound already. */
    boolean bindOwner(String subject, String username, Instant now) {
        if (ownerSubject != null) {
            return ownerSubject.equals(subject);
        }
        this.ownerSubject = subject;
        this.ownerUsername = username;
        touch(now);
        return true;
    }

    @Nullable String ownerSubject() {
        return ownerSubject;
    }

    @Nullable UUID referredBy() {
        return referredBy;
    }

    @Nullable String referredByAdvisor() {
        return referredByAdvisor;
    }

    @Nullable String ownerUsername() {
        return ownerUsername;
    }

    String name() {
        return name;
    }

    String phone() {
        return phone;
    }

    @Nullable LocalDate birthday() {
        return birthday;
    }

    @Nullable MemberSource source() {
        return source;
    }

    @Nullable String notes() {
        return notes;
    }

    List<Vehicle> vehicles() {
        return List.copyOf(vehicles);
    }
}
