package com.m4s.store.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the API returns about members and vehicles. */
public final class MemberViews {

    private MemberViews() {
    }

    public record VehicleView(UUID id, String plate, String vin, String model, @Nullable LocalDate purchaseDate,
            @Nullable Integer mileageKm, Instant createdAt, Instant updatedAt, long version) {

        static VehicleView of(Vehicle v) {
            return new VehicleView(v.id(), v.plate(), v.vin(), v.model(), v.purchaseDate(), v.mileageKm(),
                    v.createdAt(), v.updatedAt(), v.version());
        }
    }

    /**
     * One odometer reading of a vehicle.
     *
     * @param sourceRef the source as people name it: the repair order's DMS number
     * @param rollback lower than the reading before it: the odometer went back (or a reading is wrong)
     */
    public record MileageReadingView(UUID id, int mileageKm, Instant readAt, MileageSource source,
            @Nullable String sourceRef, boolean rollback) {

        static MileageReadingView of(VehicleMileage m) {
            return new MileageReadingView(m.id(), m.mileageKm(), m.readAt(), m.source(), m.sourceRef(), m.rollback());
        }
    }

    /**
     * @param ownerUsername the owner login bound to this member by sign-up, if any
     * @param referrer the member who referred this one, if any (and not deleted since)
     * @param referringAdvisor the advisor who brought this member in, if one was recorded
     */
    public record MemberView(UUID id, MemberProfile profile, List<VehicleView> vehicles,
            @Nullable String ownerUsername, @Nullable Referrer referrer, @Nullable ReferringAdvisor referringAdvisor,
            Instant createdAt, Instant updatedAt, long version) {

        static MemberView of(Member m, @Nullable Member referrer, @Nullable ReferringAdvisor advisor) {
            return new MemberView(m.id(), profileOf(m), m.vehicles().stream().map(VehicleView::of).toList(),
                    m.ownerUsername(), referrer == null ? null : new Referrer(referrer.id(), referrer.name()),
                    advisor, m.createdAt(), m.updatedAt(), m.version());
        }
    }

    /**
     * The advisor who brought a member in (decision 0038).
     *
     * @param username the staff login's username, as recorded
     * @param displayName the login's name now; the username when the store's directory no longer lists them
     */
    public record ReferringAdvisor(String username, String displayName) {
    }

    /** The member who referred another: who to thank (their name; the id opens their page). */
    public record Referrer(UUID memberId, String name) {
    }

    /** What an owner's sign-up needs to know of the member with a phone number. */
    /** Who a member is and how to reach them, for other features (e.g. the seller of a consigned car). */
    public record Contact(UUID memberId, String name, String phone) {
    }

    public record OwnerCandidate(UUID memberId, String name, @Nullable String ownerUsername) {
    }

    /** A row of the member list: enough to recognize the member and their cars. */
    public record MemberSummary(UUID id, String name, String phone, List<String> plates, Instant createdAt) {
    }

    static MemberProfile profileOf(Member m) {
        return new MemberProfile(m.name(), m.phone(), m.birthday(), m.source(), m.notes());
    }
}
