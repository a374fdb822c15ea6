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

    public record NewStore(
            @NotBlank @Pattern(regexp = DealerGroups.CODE, message = "{validation.code}") String code,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 64) String city,
            @NotBlank @Size(max = 64) String brand,
            @NotBlank @Size(max = 64) String timeZone) {
    }

    public record StoreView(String code, String groupCode, String name, String city, String brand, String timeZone,
            String cluster, StoreStatus status, @Nullable String failureReason, int provisioningAttempts,
            @Nullable Instant provisionedAt, Instant createdAt, Instant updatedAt) {
    }

    /** Published inside the transaction that wants a store provisioned; handled after it commits. */
    record ProvisioningRequested(String storeCode) {
    }

    private static final String STORE_CODE_TAKEN = "store-code-taken";

    private final StoreRepository stores;
    private final DealerGroups groups;
    private final StoreRuntime runtime;
    private final ApplicationEventPublisher events;
    private final EventOutbox outbox;
    private final Clock clock;

    Stores(StoreRepository stores, DealerGroups groups, StoreRuntime runtime, ApplicationEventPublisher events,
            EventOutbox outbox, Clock clock) {
        this.stores = stores;
        this.groups = groups;
        this.runtime = runtime;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
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
                view.groupCode(), view.name(), view.city(), view.brand(), view.timeZone(), view.createdAt()));
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
     */
    @Transactional
    public StoreView setActive(String code, boolean active) {
        Store store = find(code);
        StoreStatus target = active ? StoreStatus.ACTIVE : StoreStatus.SUSPENDED;
        if (store.status() != StoreStatus.ACTIVE && store.status() != StoreStatus.SUSPENDED) {
            throw invalidState(store, active ? "reactivate" : "suspend");
        }
        try {
            runtime.setActive(code, active);
        } catch (StoreRuntime.Unavailable e) {
            throw new RuntimeUnavailable(DependencyUnavailable.reasonOf(e));
        }
        Instant now = clock.instant();
        if (store.changeStatus(target, now)) {
            outbox.publish(StoreEvents.TOPIC, active
                    ? new StoreEvents.StoreActivated(UUID.randomUUID(), code, store.groupCode(), true, now)
                    : new StoreEvents.StoreSuspended(UUID.randomUUID(), code, store.groupCode(), now));
        }
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
