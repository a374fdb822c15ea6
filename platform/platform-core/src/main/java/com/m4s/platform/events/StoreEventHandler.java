package com.m4s.platform.events;

import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer whose effect is in the store's own schema (messages, points, tiers): each event it wants is handled as
 * the store that published it. The gate is the same for every such consumer, so it is here once:
 * <ul>
 *   <li>a store being migrated makes the batch fail, so it is handed over again when the store serves (moments
 *       later); the handler's {@link ProcessedEvents} mark keeps the replay from doubling anything;</li>
 *   <li>a suspended, unavailable or unknown store gets nothing, with a warning: its event is not retried forever;</li>
 *   <li>an active store's event runs with {@link TenantContext} set to that store.</li>
 * </ul>
 */
public abstract class StoreEventHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(StoreEventHandler.class);

    private final TenantRegistry tenants;

    protected StoreEventHandler(TenantRegistry tenants) {
        this.tenants = tenants;
    }

    /** Whether this consumer acts on events of the type; the others are passed over without a store lookup. */
    protected abstract boolean wants(String eventType);

    /** Handles one event as its store; throwing hands the whole batch over again. */
    protected abstract void handleInStore(ReceivedEvent event) throws Exception;

    @Override
    public final void handle(List<ReceivedEvent> events) throws Exception {
        for (ReceivedEvent event : events) {
            if (!wants(event.type())) {
                continue;
            }
            Optional<TenantRegistry.Entry> store = tenants.find(event.storeCode());
            if (store.isPresent() && store.get().status() == TenantRegistry.Status.MIGRATING) {
                throw new IllegalStateException("store " + event.storeCode() + " is being migrated; event "
                        + event.eventId() + " waits for it");
            }
            if (store.isEmpty() || !store.get().status().inService()) {
                log.warn("{} passes over event {} of store {}: the store is not in service", getClass().getSimpleName(),
                        event.eventId(), event.storeCode());
                continue;
            }
            TenantContext.callAs(store.get().tenant(), () -> {
                handleInStore(event);
                return null;
            });
        }
    }
}
