package com.m4s.store.member;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What other features may ask of members: the member behind an owner login, a member's contact, and binding an owner
 * login at sign-up. The rest of the feature (its service, entities and repository) is not theirs to use.
 */
@Component
public class Members {

    private final MemberService members;
    private final MileageReadings mileage;

    Members(MemberService members, MileageReadings mileage) {
        this.members = members;
        this.mileage = mileage;
    }

    /**
     * What a source (a repair order) says about a vehicle's odometer now.
     *
     * @param mileageKm none: the source names no reading (any it had is removed)
     * @param sourceId the source's own id (a repair order's id): one reading per source
     * @param sourceRef the source as people name it (the DMS number)
     */
    public record MileageReading(@Nullable String plate, @Nullable String vin, @Nullable Integer mileageKm,
            Instant readAt, MileageSource source, UUID sourceId, @Nullable String sourceRef) {
    }

    /**
     * Records a source's odometer reading of the vehicle it names (by VIN, else plate), in the caller's transaction
     * (which must exist): a new source adds a reading, a changed one replaces its own, an unchanged one does nothing.
     */
    public void recordMileage(MileageReading reading) {
        mileage.record(reading);
    }

    /** The member with this mobile number, for an owner's sign-up. */
    public Optional<MemberViews.OwnerCandidate> ownerCandidate(String phone) {
        return members.ownerCandidate(phone);
    }

    /**
     * Binds an owner login to the member, in the caller's transaction (which must exist); 409 if a different login is
     * bound already, a no-op for the same login.
     */
    public void bindOwner(UUID memberId, String subject, String username) {
        members.bindOwner(memberId, subject, username);
    }

    /** The member record of the owner signed in with this login; 404 when none is bound to it. */
    public MemberViews.MemberView ofOwner(String subject) {
        return members.ofOwner(subject);
    }

    /** A member's name and phone, if the member exists. */
    public Optional<MemberViews.Contact> contact(UUID memberId) {
        return members.contact(memberId);
    }

    /** The id of the owner login bound to the member (the token's {@code sub}), if the member has one. */
    public Optional<String> ownerLogin(UUID memberId) {
        return members.ownerLogin(memberId);
    }

    /** A customer as a DMS knows them: any of phone, plate and VIN, with the name and car model for a new member. */
    public record DmsCustomer(@Nullable String name,
            @Nullable String phone, @Nullable String plate,
            @Nullable String vin, @Nullable String model) {
    }

    /** How a DMS customer was found. */
    public enum MatchedBy {
        PHONE, PLATE, VIN, CREATED
    }

    public record Matched(UUID memberId, MatchedBy by) {
    }

    /**
     * The member a DMS customer is: matched by phone, then plate, then VIN; when none matches and {@code create} is
     * set, a new member with source DMS (and the vehicle, when plate and VIN are valid), made as any new member is.
     * In the caller's transaction, which must exist; 422 {@code dms-customer-incomplete} when a member is to be made
     * but name or mobile number is missing or invalid. Empty: no match and not to be created.
     */
    public Optional<Matched> matchDmsCustomer(DmsCustomer customer, boolean create) {
        return members.match(customer, create);
    }

    /** What a customer row of a DMS customer file did. */
    public enum CustomerImported {
        /** A new member (with the vehicle, if the row gave one). */
        CREATED,
        /** A known member got the row's vehicle. */
        VEHICLE_ADDED,
        /** The member and the vehicle were known already. */
        UNCHANGED
    }

    /**
     * Imports a customer row of a DMS customer file ({@link MemberService#importDmsCustomer}): makes the member, or
     * gives a known one the row's vehicle; 422 for a row that cannot be imported. In the caller's transaction.
     */
    public CustomerImported importDmsCustomer(DmsCustomer customer, @Nullable Integer mileageKm) {
        return members.importDmsCustomer(customer, mileageKm);
    }

    /** The member who referred this one, if any (empty too for an unknown member). */
    public Optional<UUID> referrerOf(UUID memberId) {
        return members.referrerOf(memberId);
    }

    /** The member bound to this owner login; 404 when there is none. */
    public MemberViews.Contact ownerContact(String subject) {
        return members.ownerContact(subject);
    }
}
