package com.m4s.store.usedcar;

import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.time.StoreTime;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Problems;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import com.m4s.store.member.MemberViews;
import com.m4s.store.member.Members;
import com.m4s.store.photo.Photos;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consignment workflow of the current store (UCAR-1..3). Each move checks the car's status, changes the row and
 * publishes its event in one transaction: an illegal move (selling a rejected car) is a 409 that changes nothing and
 * publishes nothing; two moves on one car at the same time cannot both win (the row's version).
 */
@Service
public class UsedCarService {

    private final UsedCarRepository cars;
    private final UsedCarList list;
    private final Members members;
    private final EventOutbox events;
    private final TenantRegistry tenants;
    private final Clock clock;
    private final StoreTime storeTime;
    private final Photos photos;

    UsedCarService(UsedCarRepository cars, UsedCarList list, Members members, EventOutbox events,
            TenantRegistry tenants, Clock clock, StoreTime storeTime, Photos photos) {
        this.cars = cars;
        this.list = list;
        this.members = members;
        this.events = events;
        this.tenants = tenants;
        this.clock = clock;
        this.storeTime = storeTime;
        this.photos = photos;
    }

    /** Staff submit a car for a member of the store. */
    @Transactional
    public UsedCarViews.UsedCarView submitFor(UUID memberId, UsedCarDetails details, String submittedBy) {
        MemberViews.Contact seller = members.contact(memberId).orElseThrow(() -> new ApiException.Unprocessable(
                "unknown-member", memberId).field("memberId"));
        return submit(seller, details, submittedBy, null);
    }

    /** An owner submits their own car. */
    @Transactional
    public UsedCarViews.UsedCarView submitAsOwner(String subject, UsedCarDetails details, String username) {
        return submit(members.ownerContact(subject), details, username, subject);
    }

    @Transactional(readOnly = true)
    public UsedCarViews.UsedCarView get(UUID id) {
        return view(find(id));
    }

    /** One of the owner's own cars; another member's car is not found. */
    @Transactional(readOnly = true)
    public UsedCarViews.UsedCarView getOwn(String subject, UUID id) {
        return view(findOwn(subject, id));
    }

    /** Staff list: cars in the given states (all when none given), text matching make, model or city. */
    @Transactional(readOnly = true)
    public PageResult<UsedCarViews.UsedCarSummary> list(@Nullable Collection<UsedCarStatus> statuses,
            @Nullable String query, SqlPage page) {
        return list.page(statuses, query, page);
    }

    /** Every car the staff list shows for this filter, in {@code order}, one at a time (an export); how many. */
    @Transactional(readOnly = true)
    public long export(@Nullable Collection<UsedCarStatus> statuses, @Nullable String query, SqlPage order,
            Consumer<UsedCarViews.UsedCarSummary> sink) {
        return list.each(statuses, query, order, sink);
    }

    /** The owner's own submissions, every state. */
    @Transactional(readOnly = true)
    public PageResult<UsedCarViews.UsedCarView> listOwn(String subject, Pageable pageable) {
        UUID memberId = members.ownerContact(subject).memberId();
        return PageResult.of(cars.findByMemberId(memberId, pageable), this::view);
    }

    /** Staff correct the details while the car waits for review (or for the owner's changes). */
    @Transactional
    public UsedCarViews.UsedCarView edit(UUID id, @Nullable Long expectedVersion, UsedCarDetails details) {
        return edit(find(id), expectedVersion, details, null);
    }

    /** The owner edits their submission; after a change request this resubmits it. */
    @Transactional
    public UsedCarViews.UsedCarView editOwn(String subject, UUID id, @Nullable Long expectedVersion,
            UsedCarDetails details) {
        return edit(findOwn(subject, id), expectedVersion, details, subject);
    }

    @Transactional
    public UsedCarViews.UsedCarView approve(UUID id, UsedCarRequests.Approval approval, String reviewer) {
        return move(find(id), UsedCarStatus.Move.APPROVE, UsedCarEvents.Type.UsedCarListed,
                car -> car.approve(approval.askingPriceYuan(), approval.conditionReport(), reviewer, clock.instant()));
    }

    @Transactional
    public UsedCarViews.UsedCarView requestChanges(UUID id, UsedCarRequests.Note note, String reviewer) {
        return move(find(id), UsedCarStatus.Move.REQUEST_CHANGES, UsedCarEvents.Type.UsedCarChangesRequested,
                car -> car.requestChanges(note.note(), reviewer, clock.instant()));
    }

    @Transactional
    public UsedCarViews.UsedCarView reject(UUID id, UsedCarRequests.Note reason, String reviewer) {
        return move(find(id), UsedCarStatus.Move.REJECT, UsedCarEvents.Type.UsedCarRejected,
                car -> car.reject(reason.note(), reviewer, clock.instant()));
    }

    @Transactional
    public UsedCarViews.UsedCarView updateListing(UUID id, @Nullable Long expectedVersion,
            UsedCarRequests.Approval listing) {
        UsedCar listed = find(id);
        Versions.expect(UsedCar.class, id, listed.version(), expectedVersion);
        return move(listed, UsedCarStatus.Move.UPDATE_LISTING, UsedCarEvents.Type.UsedCarListingChanged,
                car -> car.updateListing(listing.askingPriceYuan(), listing.conditionReport(), clock.instant()));
    }

    @Transactional
    public UsedCarViews.UsedCarView reserve(UUID id, UsedCarRequests.Reservation reservation) {
        return move(find(id), UsedCarStatus.Move.RESERVE, UsedCarEvents.Type.UsedCarReserved,
                car -> car.reserve(reservation.note(), clock.instant()));
    }

    @Transactional
    public UsedCarViews.UsedCarView release(UUID id) {
        return move(find(id), UsedCarStatus.Move.RELEASE, UsedCarEvents.Type.UsedCarReservationReleased,
                car -> car.release(clock.instant()));
    }

    @Transactional
    public UsedCarViews.UsedCarView sell(UUID id, UsedCarRequests.Sale sale) {
        return move(find(id), UsedCarStatus.Move.SELL, UsedCarEvents.Type.UsedCarSold,
                car -> car.sell(sale.soldPriceYuan(), clock.instant()));
    }

    @Transactional
    public UsedCarViews.UsedCarView withdraw(UUID id, UsedCarRequests.Withdrawal withdrawal) {
        return withdraw(find(id), withdrawal);
    }

    @Transactional
    public UsedCarViews.UsedCarView withdrawOwn(String subject, UUID id, UsedCarRequests.Withdrawal withdrawal) {
        return withdraw(findOwn(subject, id), withdrawal);
    }

    private UsedCarViews.UsedCarView withdraw(UsedCar car, UsedCarRequests.Withdrawal withdrawal) {
        return move(car, UsedCarStatus.Move.WITHDRAW, UsedCarEvents.Type.UsedCarWithdrawn,
                c -> c.withdraw(withdrawal.reason(), clock.instant()));
    }

    /** @param uploader the owner's subject when an owner submits (they attach only their own uploads), else null */
    private UsedCarViews.UsedCarView submit(MemberViews.Contact seller, UsedCarDetails details, String submittedBy,
            @Nullable String uploader) {
        requirePlausible(details);
        photos.requireAttachable(details.photoList(), List.of(), uploader, "photos");
        UsedCar car = new UsedCar(seller.memberId(), details, submittedBy, clock.instant());
        cars.saveAndFlush(car);
        publish(car, UsedCarEvents.Type.UsedCarSubmitted);
        return view(car);
    }

    /** An edit from a form: refused with 409 when the car changed since the version the form was filled from. */
    private UsedCarViews.UsedCarView edit(UsedCar car, @Nullable Long expectedVersion, UsedCarDetails details,
            @Nullable String uploader) {
        Versions.expect(UsedCar.class, car.id(), car.version(), expectedVersion);
        requirePlausible(details);
        photos.requireAttachable(details.photoList(), car.photos(), uploader, "photos");
        boolean resubmission = car.status() == UsedCarStatus.CHANGES_REQUESTED;
        return move(car, UsedCarStatus.Move.EDIT, resubmission ? UsedCarEvents.Type.UsedCarResubmitted
                : UsedCarEvents.Type.UsedCarDetailsChanged, c -> c.edit(details, clock.instant()));
    }

    private UsedCarViews.UsedCarView move(UsedCar car, UsedCarStatus.Move move, UsedCarEvents.Type type,
            Consumer<UsedCar> change) {
        if (!car.status().allows(move)) {
            throw new ApiException.Conflict("illegal-transition",
                    Problems.message("problem.used-car-status." + car.status()),
                    Problems.message("problem.illegal-transition.move." + move), UsedCarViews.moves(car.status()));
        }
        change.accept(car);
        cars.saveAndFlush(car);
        publish(car, type);
        return view(car);
    }

    private UsedCarViews.UsedCarView view(UsedCar car) {
        return UsedCarViews.UsedCarView.of(car, photos.views(TenantContext.require().storeCode(), car.photos()));
    }

    private void publish(UsedCar car, UsedCarEvents.Type type) {
        String store = TenantContext.require().storeCode();
        String group = tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null);
        events.publish(UsedCarEvents.TOPIC, type.name(), UsedCarEvents.UsedCarChanged.of(car, store, group));
    }

    private void requirePlausible(UsedCarDetails details) {
        // model years are counted in the store's calendar
        int thisYear = storeTime.today().getYear();
        if (details.year() > thisYear) {
            throw new ApiException.Unprocessable("year-in-future", String.valueOf(details.year()),
                    String.valueOf(thisYear)).field("year");
        }
    }

    private UsedCar find(UUID id) {
        return cars.findById(id).orElseThrow(() -> new ApiException.NotFound("used-car", id));
    }

    private UsedCar findOwn(String subject, UUID id) {
        UUID memberId = members.ownerContact(subject).memberId();
        return cars.findById(id).filter(c -> c.memberId().equals(memberId))
                .orElseThrow(() -> new ApiException.NotFound("used-car", id));
    }
}
