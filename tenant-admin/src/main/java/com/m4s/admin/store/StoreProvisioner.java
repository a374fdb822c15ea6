package com.m4s.admin.store;

import com.m4s.platform.events.EventOutbox;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings a store's tenant up in the background once its PROVISIONING record is committed, then records ACTIVE (and
 * publishes {@link StoreEvents.StoreActivated} in the same transaction) or FAILED with the reason. The call to
 * store-console stays synchronous: the store is ACTIVE only once its schema exists. Stores left PROVISIONING by a
 * crash are picked up again at start-up.
 */
@Component
class StoreProvisioner {

    private static final Logger log = LoggerFactory.getLogger(StoreProvisioner.class);

    private final StoreRepository stores;
    private final StoreRuntime runtime;
    private final TransactionTemplate tx;
    private final Executor executor;
    private final EventOutbox outbox;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final WriteHold hold;

    StoreProvisioner(StoreRepository stores, StoreRuntime runtime, TransactionTemplate tx,
            @Qualifier("provisioningExecutor") Executor executor, EventOutbox outbox, Clock clock,
            ApplicationEventPublisher events, ObjectProvider<WriteHold> hold) {
        this.stores = stores;
        this.runtime = runtime;
        this.tx = tx;
        this.executor = executor;
        this.outbox = outbox;
        this.clock = clock;
        this.events = events;
        this.hold = hold.getIfAvailable(() -> group -> false);
    }

    @TransactionalEventListener
    void onRequested(Stores.ProvisioningRequested request) {
        executor.execute(() -> provision(request.storeCode()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        var pending = stores.provisioning();
        if (!pending.isEmpty()) {
            log.info("resuming provisioning of {} stores: {}", pending.size(), pending);
            pending.forEach(code -> executor.execute(() -> provision(code)));
        }
    }

    /** One attempt; the outcome is recorded only if the store is still PROVISIONING. */
    void provision(String code) {
        String failure = null;
        boolean readOnly = false;
        try {
            Stores.StoreView store = stores.findById(code).map(Store::view)
                    .orElseThrow(() -> new IllegalStateException("store " + code + " vanished"));
            runtime.provision(store);
            // a store of a group whose stores are read-only (unpaid subscription) starts read-only too
            readOnly = hold.readOnly(store.groupCode());
            if (readOnly) {
                runtime.setStatus(code, StoreStatus.READ_ONLY);
            }
        } catch (RuntimeException e) {
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("provisioning store {} failed: {}", code, failure);
        }
        String reason = failure;
        boolean heldReadOnly = readOnly;
        tx.executeWithoutResult(status -> stores.findById(code).ifPresent(store -> {
            if (reason == null) {
                Instant now = clock.instant();
                if (store.provisioned(now)) {
                    outbox.publish(StoreEvents.TOPIC, new StoreEvents.StoreActivated(UUID.randomUUID(), code,
                            store.groupCode(), false, now));
                    if (heldReadOnly && store.changeStatus(StoreStatus.READ_ONLY, now)) {
                        outbox.publish(StoreEvents.TOPIC, new StoreEvents.StoreReadOnly(UUID.randomUUID(), code,
                                store.groupCode(), now));
                    }
                    events.publishEvent(new Stores.BillableStoresChanged(store.groupCode(), UUID.randomUUID()));
                }
            } else {
                store.provisioningFailed(reason, clock.instant());
            }
        }));
    }
}
