package com.m4s.admin.billing;

import com.m4s.admin.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After a store of a group became usable or was suspended (committed), the group's subscription bills its stores in
 * service, prorated. If Stripe cannot be told now, {@link BillingSweep} corrects the quantity at its next run.
 */
@Component
class QuantityFollowsStores {

    private static final Logger log = LoggerFactory.getLogger(QuantityFollowsStores.class);

    private final GroupBilling billing;

    QuantityFollowsStores(GroupBilling billing) {
        this.billing = billing;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onChange(Stores.BillableStoresChanged change) {
        try {
            billing.syncQuantity(change.groupCode(), change.changeId().toString());
        } catch (RuntimeException e) {
            log.warn("the subscription of group {} could not follow its stores now; the sweep will: {}",
                    change.groupCode(), e.getMessage());
        }
    }
}
