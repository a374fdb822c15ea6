package com.m4s.store.member;

import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members and their vehicles in the current store. Uniqueness of phone, plate and VIN is enforced by the database;
 * a clash is reported as a 409 naming the field ({@link MemberProblems}), and nothing of the request is written.
 */
@Service
class MemberService {

    private final MemberRepository members;
    private final MemberList list;
    private final EventOutbox events;
    private final TenantRegistry tenants;
    private final ReferringAdvisors advisors;
    private final Clock clock;

    MemberService(MemberRepository members, MemberList list, EventOutbox events, TenantRegistry tenants,
            ReferringAdvisors advisors, Clock clock) {
        this.members = members;
        this.list = list;
        this.events = events;
        this.tenants = tenants;
        this.advisors = advisors;
        this.clock = clock;
    }

    /**
     * A new member (by staff, or for a DMS customer), with the member who referred them when a referrer's phone is
     * given: a member of this store other than the new one (422 referrer-unknown, referrer-self), and with the advisor
     * who brought them in when one is named: an advisor of the store's directory (422 referring-advisor-unknown).
     * Publishes {@code MemberJoined} in the same transaction.
     */
    @Transactional
    public MemberViews.MemberView create(NewMember request) {
        List<VehicleDetails> vehicles = request.vehicles() == null ? List.of() : request.vehicles();
        requireDistinct(vehicles);
        Member referrer = referrer(request);
        MemberViews.ReferringAdvisor advisor = referringAdvisor(request);
        Member member = new Member(request.profile(), referrer == null ? null : referrer.id(),
                advisor == null ? null : advisor.username(), clock.instant());
        vehicles.forEach(v -> member.addVehicle(v, clock.instant()));
        Member saved = members.saveAndFlush(member);
        String store = TenantContext.require().storeCode();
        events.publish(MemberEvents.TOPIC, MemberEvents.Type.MemberJoined.name(), new MemberEvents.MemberJoined(
                saved.id(), store, group(store), saved.version(), saved.source(), saved.referredBy(),
                saved.referredByAdvisor(), saved.createdAt()));
        return MemberViews.MemberView.of(saved, referrer, advisor);
    }

    private MemberViews.@Nullable ReferringAdvisor referringAdvisor(NewMember request) {
        String username = blankToNull(request.referredByAdvisor());
        if (username == null) {
            return null;
        }
        return advisors.nameOf(username).map(name -> new MemberViews.ReferringAdvisor(username, name))
                .orElseThrow(() -> new ApiException.Unprocessable("referring-advisor-unknown", username)
                        .field("referredByAdvisor"));
    }

    private @Nullable Member referrer(NewMember request) {
        String phone = blankToNull(request.referrerPhone());
        if (phone == null) {
            return null;
        }
        if (phone.equals(request.profile().phone().strip())) {
            throw new ApiException.Unprocessable("referrer-self").field("referrerPhone");
        }
        return members.findByPhone(phone).orElseThrow(() ->
                new ApiException.Unprocessable("referrer-unknown", phone).field("referrerPhone"));
    }

    private @Nullable String group(String store) {
        return tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null);
    }

    private MemberViews.MemberView view(Member member) {
        UUID referredBy = member.referredBy();
        String advisor = member.referredByAdvisor();
        return MemberViews.MemberView.of(member, referredBy == null ? null : members.findById(referredBy).orElse(null),
                advisor == null ? null : new MemberViews.ReferringAdvisor(advisor, advisorName(advisor)));
    }

    /**
     * The recorded advisor's name now; the username when the directory no longer lists them, or when the logins
     * (Keycloak's) cannot be read: a member's page does not fail for a name.
     */
    private String advisorName(String username) {
        try {
            return advisors.nameOf(username).orElse(username);
        } catch (com.m4s.store.identity.IdentityUnavailable unavailable) {
            return username;
        }
    }

    @Transactional(readOnly = true)
    public MemberViews.MemberView get(UUID id) {
        return view(find(id));
    }

    /** The member who referred this one, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<UUID> referrerOf(UUID memberId) {
        return members.findById(memberId).map(Member::referredBy);
    }

    @Transactional(readOnly = true)
    public PageResult<MemberViews.MemberSummary> list(@Nullable String query, SqlPage page) {
        return list.page(query, page);
    }

    /** Every member the list shows for {@code query}, in {@code order}, one at a time (an export); how many. */
    @Transactional(readOnly = true)
    public long export(@Nullable String query, SqlPage order, java.util.function.Consumer<MemberViews.MemberSummary> sink) {
        return list.each(query, order, sink);
    }

    /** Replaces the profile; when {@code expectedVersion} is given and the member has changed since, 409. */
    @Transactional
    public MemberViews.MemberView update(UUID id, @Nullable Long expectedVersion, MemberProfile profile) {
        Member member = find(id);
        Versions.expect(Member.class, id, member.version(), expectedVersion);
        member.apply(profile, clock.instant());
        return view(members.saveAndFlush(member));
    }

    /** The member with this mobile number, for an owner's sign-up. */
    @Transactional(readOnly = true)
    public java.util.Optional<MemberViews.OwnerCandidate> ownerCandidate(String phone) {
        return members.findByPhone(phone).map(m -> new MemberViews.OwnerCandidate(m.id(), m.name(), m.ownerUsername()));
    }

    /**
     * Binds an owner login to the member, in the caller's transaction; 409 if a different login is bound already
     * (binding the same login again is a no-op, so a retried sign-up succeeds). The first binding completes the
     * owner's sign-up: it publishes {@code OwnerSignedUp} in the same transaction (a repeat publishes nothing).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void bindOwner(UUID memberId, String subject, String username) {
        Member member = find(memberId);
        boolean first = member.ownerSubject() == null;
        if (!member.bindOwner(subject, username, clock.instant())) {
            throw new ApiException.Conflict("owner-already-bound");
        }
        Member saved = members.saveAndFlush(member);
        if (first) {
            String store = TenantContext.require().storeCode();
            events.publish(MemberEvents.TOPIC, MemberEvents.Type.OwnerSignedUp.name(), new MemberEvents.OwnerSignedUp(
                    saved.id(), store, group(store), saved.version(), clock.instant()));
        }
    }

    /** The member record of the owner signed in with this login. */
    @Transactional(readOnly = true)
    public MemberViews.MemberView ofOwner(String subject) {
        return members.findByOwnerSubject(subject).map(this::view).orElseThrow(() ->
                new ApiException.NotFound("owner-account"));
    }

    /** A member's name and phone, if the member exists. */
    @Transactional(readOnly = true)
    public java.util.Optional<MemberViews.Contact> contact(UUID memberId) {
        return members.findById(memberId).map(m -> new MemberViews.Contact(m.id(), m.name(), m.phone()));
    }

    /** The owner login bound to the member, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> ownerLogin(UUID memberId) {
        return members.findById(memberId).map(Member::ownerSubject);
    }

    /** The member bound to this owner login; 404 when there is none (as {@link #ofOwner}). */
    @Transactional(readOnly = true)
    public MemberViews.Contact ownerContact(String subject) {
        return members.findByOwnerSubject(subject).map(m -> new MemberViews.Contact(m.id(), m.name(), m.phone()))
                .orElseThrow(() -> new ApiException.NotFound("owner-account"));
    }

    /**
     * The member a DMS customer is, matched by phone, then plate, then VIN (the first that names a member wins); when
     * none matches and {@code create} is set, a new member (source DMS) with the vehicle when plate and VIN are both
     * valid, made by {@link #create} like any other. Runs in the caller's transaction (the repair order's).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public java.util.Optional<Members.Matched> match(Members.DmsCustomer customer, boolean create) {
        String phone = blankToNull(customer.phone());
        String plate = customer.plate() == null ? null : blankToNull(VehicleDetails.normalize(customer.plate()));
        String vin = customer.vin() == null ? null : blankToNull(VehicleDetails.normalize(customer.vin()));
        java.util.Optional<Members.Matched> found = phone == null ? java.util.Optional.empty()
                : members.findByPhone(phone).map(m -> new Members.Matched(m.id(), Members.MatchedBy.PHONE));
        if (found.isEmpty() && plate != null) {
            found = members.findByVehiclePlate(plate).map(m -> new Members.Matched(m.id(), Members.MatchedBy.PLATE));
        }
        if (found.isEmpty() && vin != null) {
            found = members.findByVehicleVin(vin).map(m -> new Members.Matched(m.id(), Members.MatchedBy.VIN));
        }
        if (found.isPresent() || !create) {
            return found;
        }
        String name = blankToNull(customer.name());
        if (name == null || name.length() > 64 || phone == null || !phone.matches(PHONE)) {
            throw new ApiException.Unprocessable("dms-customer-incomplete", phone == null ? "-" : phone);
        }
        List<VehicleDetails> vehicles = plate != null && vin != null
                && plate.matches(VehicleDetails.PLATE) && vin.matches(VehicleDetails.VIN)
                ? List.of(new VehicleDetails(plate, vin, modelOf(customer.model()), null, null)) : List.of();
        UUID id = create(new NewMember(new MemberProfile(name, phone, null, MemberSource.DMS_IMPORT, null), vehicles))
                .id();
        return java.util.Optional.of(new Members.Matched(id, Members.MatchedBy.CREATED));
    }

    /**
     * A customer row of a DMS customer file: a new phone makes the member (source DMS, with the vehicle when one is
     * given); a known phone gets the vehicle if it has not got it; a vehicle already another member's is refused
     * (422 {@code dms-vehicle-elsewhere}), as is half a vehicle (plate without VIN or the other way round, or either
     * invalid: 422 {@code dms-vehicle-incomplete}) and a customer without a name or a valid mobile number (422
     * {@code dms-customer-incomplete}). In the caller's transaction.
     */
    public Members.CustomerImported importDmsCustomer(Members.DmsCustomer customer, @Nullable Integer mileageKm) {
        String name = blankToNull(customer.name());
        String phone = blankToNull(customer.phone());
        if (name == null || name.length() > 64 || phone == null || !phone.matches(PHONE)) {
            throw new ApiException.Unprocessable("dms-customer-incomplete", phone == null ? "-" : phone);
        }
        String plate = customer.plate() == null ? null : blankToNull(VehicleDetails.normalize(customer.plate()));
        String vin = customer.vin() == null ? null : blankToNull(VehicleDetails.normalize(customer.vin()));
        VehicleDetails vehicle = null;
        if (plate != null || vin != null) {
            if (plate == null || vin == null || !plate.matches(VehicleDetails.PLATE) || !vin.matches(VehicleDetails.VIN)) {
                throw new ApiException.Unprocessable("dms-vehicle-incomplete", plate == null ? "-" : plate,
                        vin == null ? "-" : vin);
            }
            vehicle = new VehicleDetails(plate, vin, modelOf(customer.model()), null,
                    mileageKm == null || mileageKm < 0 ? null : mileageKm);
        }
        java.util.Optional<Member> known = members.findByPhone(phone);
        if (vehicle != null) {
            java.util.Optional<Member> owner = members.findByVehicleVin(vin).or(() -> members.findByVehiclePlate(plate));
            if (owner.isPresent() && (known.isEmpty() || !owner.get().id().equals(known.get().id()))) {
                throw new ApiException.Unprocessable("dms-vehicle-elsewhere", plate, vin);
            }
            if (owner.isPresent()) {
                return Members.CustomerImported.UNCHANGED;
            }
        }
        if (known.isEmpty()) {
            create(new NewMember(new MemberProfile(name, phone, null, MemberSource.DMS_IMPORT, null),
                    vehicle == null ? List.of() : List.of(vehicle)));
            return Members.CustomerImported.CREATED;
        }
        if (vehicle == null) {
            return Members.CustomerImported.UNCHANGED;
        }
        addVehicle(known.get().id(), vehicle);
        return Members.CustomerImported.VEHICLE_ADDED;
    }

    private static final String PHONE = "1[3-9][0-9]{9}";

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The DMS rarely sends the model: a vehicle made from an order shows "-" until staff fill it in. */
    private static String modelOf(@Nullable String model) {
        String m = blankToNull(model);
        return m == null ? "-" : m.substring(0, Math.min(64, m.length()));
    }

    @Transactional
    public void delete(UUID id) {
        members.delete(find(id));
    }

    @Transactional
    public MemberViews.VehicleView addVehicle(UUID memberId, VehicleDetails details) {
        Member member = find(memberId);
        Vehicle vehicle = member.addVehicle(details, clock.instant());
        members.saveAndFlush(member);
        return MemberViews.VehicleView.of(vehicle);
    }

    /** Replaces a vehicle's details; when {@code expectedVersion} is given and the vehicle has changed since, 409. */
    @Transactional
    public MemberViews.VehicleView updateVehicle(UUID memberId, UUID vehicleId, @Nullable Long expectedVersion,
            VehicleDetails details) {
        Member member = find(memberId);
        Vehicle vehicle = vehicle(member, vehicleId);
        Versions.expect(Vehicle.class, vehicleId, vehicle.version(), expectedVersion);
        vehicle.apply(details, clock.instant());
        members.saveAndFlush(member);
        return MemberViews.VehicleView.of(vehicle);
    }

    @Transactional
    public void removeVehicle(UUID memberId, UUID vehicleId) {
        Member member = find(memberId);
        member.removeVehicle(vehicle(member, vehicleId), clock.instant());
        members.saveAndFlush(member);
    }

    private Member find(UUID id) {
        return members.findById(id).orElseThrow(() -> new ApiException.NotFound("member", id));
    }

    private static Vehicle vehicle(Member member, UUID vehicleId) {
        return member.vehicle(vehicleId).orElseThrow(() -> new ApiException.NotFound("vehicle", vehicleId));
    }

    private static void requireDistinct(List<VehicleDetails> vehicles) {
        Set<String> plates = new HashSet<>();
        Set<String> vins = new HashSet<>();
        for (VehicleDetails v : vehicles) {
            if (!plates.add(VehicleDetails.normalize(v.plate()))) {
                throw new ApiException.Unprocessable("duplicate-plate");
            }
            if (!vins.add(VehicleDetails.normalize(v.vin()))) {
                throw new ApiException.Unprocessable("duplicate-vin");
            }
        }
    }
}
