package com.m4s.admin.store;

import com.m4s.admin.group.DealerGroups;
import com.m4s.admin.group.GroupAccess;
import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.http.DependencyUnavailable;
import com.m4s.platform.security.Caller;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.ConstraintProblem;
import com.m4s.platform.web.ConstraintProblems;
import com.m4s.platform.web.Like;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Problems;
import com.m4s.platform.web.Versions;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant directory: stores of dealer groups and their life cycle. Creating a store records it as PROVISIONING
 * and, once that is committed, asks {@link StoreProvisioner} to bring its tenant up. Each change of the directory is
 * published on {@value StoreEvents#TOPIC} in the transaction of the change ({@link StoreEvents}).
 */
@Service
public class Stores {

    /**
     * A store's phone as customers dial it: a mainland mobile number ({@code 13800138000}), a landline with its area
     * code and an optional extension ({@code 020-38881234}, {@code 0755-8888123-801}), or a nationwide service number
     * ({@code 400-820-8820}).
     */
    public static final String PHONE = "1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-?[2-9][0-9]{6,7}(-[0-9]{1,6})?"
            + "|[48]00-?[0-9]{3}-?[0-9]{4}";

    /**
     * @param address where customers find the store, as written on a letter (optional)
     * @param phone   the number customers call ({@link #PHONE}; optional)
     */
    public record NewStore(
            @NotBlank @Pattern(regexp = DealerGroups.CODE, message = "{validation.code}") String code,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 64) String city,
            @NotBlank @Size(max = 64) String brand,
            @NotBlank @Size(max = 64) String timeZone,
            @Nullable @Size(max = 200) String address,
            @Nullable @Pattern(regexp = PHONE, message = "{validation.storePhone}") String phone) {
    }

    /** What people read about a store and the group console may change: name, address, phone. */
    public record StoreDetails(
            @NotBlank @Size(max = 100) String name,
            @Nullable @Size(max = 200) String address,
            @Nullable @Pattern(regexp = PHONE, message = "{validation.storePhone}") String phone) {
    }

    public record StoreView(String code, String groupCode, String name, String city, String brand,
            @Nullable String address, @Nullable String phone, String timeZone, String cluster, StoreStatus status,
            @Nullable String failureReason, int provisioningAttempts, @Nullable Instant provisionedAt,
            Instant createdAt, Instant updatedAt, long version) {
    }

    /** Published inside the transaction that wants a store provisioned; handled after it commits. */
    record ProvisioningRequested(String storeCode) {
    }

    /**
     * Published (as an application event, inside the transaction) when the number of stores the group pays for may
     * have changed: a store became usable or was suspended. Billing updates the subscription's quantity after commit.
     *
     * @param changeId one per change, so the subscription update it causes is sent to Stripe once
     */
    public record BillableStoresChanged(String groupCode, UUID changeId) {
    }

    private static final String STORE_CODE_TAKEN = "store-code-taken";

    private final StoreRepository stores;
    private final DealerGroups groups;
    private final StoreRuntime runtime;
    private final ApplicationEventPublisher events;
    private final EventOutbox outbox;
    private final Clock clock;
    private final WriteHold hold;

    Stores(StoreRepository stores, DealerGroups groups, StoreRuntime runtime, ApplicationEventPublisher events,
            EventOutbox outbox, Clock clock, org.springframework.beans.factory.ObjectProvider<WriteHold> hold) {
        this.stores = stores;
        this.groups = groups;
        this.runtime = runtime;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
        this.hold = hold.getIfAvailable(() -> group -> false);
    }

    @Transactional
    public StoreView create(String groupCode, NewStore request) {
        groups.requireExists(groupCode);
        requireZone(request.timeZone());
        // checked first because saving an entity with an existing code would update that store; two creations
        // racing past the check are refused by store_pk, registered with the same problem (storeConstraints)
        if (stores.existsById(request.code())) {
            throw new ApiException.Conflict(STORE_CODE_TAKEN, request.code()).field("code");
        }
        Store store = new Store(request.code(), groupCode, request, clock.instant());
        store.startProvisioning(clock.instant());
        StoreView view = stores.saveAndFlush(store).view();
        outbox.publish(StoreEvents.TOPIC, new StoreEvents.StoreCreated(UUID.randomUUID(), view.code(),
                view.groupCode(), view.name(), view.city(), view.brand(), view.address(), view.phone(),
                view.timeZone(), view.createdAt()));
        events.publishEvent(new ProvisioningRequested(store.code()));
        return view;
    }

    @Transactional(readOnly = true)
    public StoreView get(String code) {
        return find(code).view();
    }

    /**
     * The store, if the current caller may see it: operators all, executives their group's, store people their own.
     * Others get a 404, as if it did not exist.
     */
    @Transactional(readOnly = true)
    public StoreView getVisible(String code) {
        StoreView store = get(code);
        Caller caller = Caller.current().orElseThrow(() -> new ApiException.NotFound("store", code));
        if (!GroupAccess.mayActOn(caller, store.groupCode()) && !caller.stores().contains(code)) {
            throw new ApiException.NotFound("store", code);
        }
        return store;
    }

    @Transactional(readOnly = true)
    public PageResult<StoreView> list(@Nullable String groupCode, @Nullable StoreStatus status, @Nullable String query,
            Pageable pageable) {
        if (groupCode != null) {
            groups.requireExists(groupCode);
        }
        return PageResult.of(stores.search(groupCode, status, Like.contains(query), pageable), Store::view);
    }

    /** Provisions a FAILED store again (or nudges one stuck in PROVISIONING). */
    @Transactional
    public StoreView retryProvisioning(String code) {
        Store store = find(code);
        if (!store.startProvisioning(clock.instant())) {
            throw invalidState(store, "provision");
        }
        StoreView view = stores.saveAndFlush(store).view();
        events.publishEvent(new ProvisioningRequested(code));
        return view;
    }

    /**
     * Suspends or reactivates. store-console is told first: if it cannot be told, nothing changes here and the
     * caller gets a 503 to retry; repeating a call that half-succeeded completes it. A change of status publishes
     * {@link StoreEvents.StoreSuspended} or {@link StoreEvents.StoreActivated}; a repeated call publishes nothing.
     * Suspension comes before billing: a READ_ONLY store may be suspended, and a store reactivated while its group
     * is read-only ({@link WriteHold}) becomes READ_ONLY ({@link StoreEvents.StoreReadOnly}), not ACTIVE.
     */
    @Transactional
    public StoreView setActive(String code, boolean active) {
        Store store = find(code);
        if (store.status() != StoreStatus.ACTIVE && store.status() != StoreStatus.SUSPENDED
                && store.status() != StoreStatus.READ_ONLY) {
            throw invalidState(store, active ? "reactivate" : "suspend");
        }
        StoreStatus target = !active ? StoreStatus.SUSPENDED
                : store.status() != StoreStatus.SUSPENDED ? store.status()
                : hold.readOnly(store.groupCode()) ? StoreStatus.READ_ONLY : StoreStatus.ACTIVE;
        try {
            runtime.setStatus(code, target);
        } catch (StoreRuntime.Unavailable e) {
            throw new RuntimeUnavailable(DependencyUnavailable.reasonOf(e));
        }
        Instant now = clock.instant();
        if (store.changeStatus(target, now)) {
            outbox.publish(StoreEvents.TOPIC, switch (target) {
                case SUSPENDED -> new StoreEvents.StoreSuspended(UUID.randomUUID(), code, store.groupCode(), now);
                case READ_ONLY -> new StoreEvents.StoreReadOnly(UUID.randomUUID(), code, store.groupCode(), now);
                default -> new StoreEvents.StoreActivated(UUID.randomUUID(), code, store.groupCode(), true, now);
            });
            events.publishEvent(new BillableStoresChanged(store.groupCode(), UUID.randomUUID()));
        }
        return stores.saveAndFlush(store).view();
    }

    /**
     * Makes every ACTIVE store of the group READ_ONLY ({@code readOnly}), or every READ_ONLY one ACTIVE again, telling
     * store-console first, store by store; SUSPENDED, FAILED and PROVISIONING stores are left as they are. Joins the
     * caller's transaction: if store-console cannot be told about one store, {@link RuntimeUnavailable} rolls the
     * caller's change back, and calling again completes it (each call sets a status, so repeating is harmless).
     * Publishes {@link StoreEvents.StoreReadOnly} or {@link StoreEvents.StoreActivated} (reactivated) per store
     * changed.
     *
     * @return the codes of the stores changed
     */
    @Transactional
    public java.util.List<String> setGroupReadOnly(String groupCode, boolean readOnly) {
        StoreStatus from = readOnly ? StoreStatus.ACTIVE : StoreStatus.READ_ONLY;
        StoreStatus to = readOnly ? StoreStatus.READ_ONLY : StoreStatus.ACTIVE;
        java.util.List<String> changed = new java.util.ArrayList<>();
        for (Store store : stores.ofGroup(groupCode, from)) {
            try {
                runtime.setStatus(store.code(), to);
            } catch (StoreRuntime.Unavailable e) {
                throw new RuntimeUnavailable(DependencyUnavailable.reasonOf(e));
            }
            Instant now = clock.instant();
            store.changeStatus(to, now);
            stores.saveAndFlush(store);
            outbox.publish(StoreEvents.TOPIC, readOnly
                    ? new StoreEvents.StoreReadOnly(UUID.randomUUID(), store.code(), groupCode, now)
                    : new StoreEvents.StoreActivated(UUID.randomUUID(), store.code(), groupCode, true, now));
            changed.add(store.code());
        }
        return changed;
    }

    /** How many stores the group pays for: those in service, ACTIVE or READ_ONLY (decision 0047). */
    @Transactional(readOnly = true)
    public long billableStores(String groupCode) {
        return stores.countBillable(groupCode);
    }

    /**
     * Changes the store's name, address and phone. A store in use (ACTIVE or SUSPENDED) is described to store-console
     * first, as a suspension is: if store-console cannot be told, nothing changes here and the caller gets a 503 to
     * retry. A store still being provisioned is described by its provisioning call. A change publishes
     * {@link StoreEvents.StoreDescribed}; a repeat that changes nothing publishes nothing.
     *
     * @param expectedVersion the version the caller's form showed ({@code If-Match}), or null for no check
     */
    @Transactional
    public StoreView describe(String code, StoreDetails details, @Nullable Long expectedVersion) {
        Store store = find(code);
        Versions.expect(Store.class, code, store.version(), expectedVersion);
        Instant now = clock.instant();
        if (!store.describe(details, now)) {
            return store.view();
        }
        StoreView view = store.view();
        if (store.status() == StoreStatus.ACTIVE || store.status() == StoreStatus.SUSPENDED) {
            try {
                runtime.describe(code, view.name(), view.address(), view.phone());
            } catch (StoreRuntime.Unavailable e) {
                throw new RuntimeUnavailable(DependencyUnavailable.reasonOf(e));
            }
        }
        outbox.publish(StoreEvents.TOPIC, new StoreEvents.StoreDescribed(UUID.randomUUID(), code, store.groupCode(),
                view.name(), view.address(), view.phone(), now));
        return stores.saveAndFlush(store).view();
    }

    private Store find(String code) {
        return stores.findById(code).orElseThrow(() -> new ApiException.NotFound("store", code));
    }

    private static void requireZone(String zone) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new ApiException.Unprocessable("invalid-time-zone", zone);
        }
    }

    @Bean
    static ConstraintProblems storeConstraints() {
        return ConstraintProblems.of(ConstraintProblem.taken("store_pk", STORE_CODE_TAKEN, "code", "unnamed"));
    }

    private static ApiException invalidState(Store store, String action) {
        return new ApiException.Conflict("invalid-store-state", store.code(),
                Problems.message("problem.store-status." + store.status()),
                Problems.message("problem.invalid-store-state.action." + action));
    }

    /** 503: the change needs store-console, which did not answer; retrying is safe. */
    static class RuntimeUnavailable extends ApiException {
        /** @param reason why, in words: a text, or the detail of the failed call */
        RuntimeUnavailable(Object reason) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "store-runtime-unavailable", reason);
        }
    }
}
