package com.m4s.store.card;

import com.m4s.platform.events.EventConsumer;
import com.m4s.platform.events.EventConsumers;
import com.m4s.platform.events.ProcessedEvents;
import com.m4s.platform.events.ReceivedEvent;
import com.m4s.platform.events.StoreEventHandler;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.store.repairorder.RepairOrderEvents;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Upgrades a member's card as soon as a settled (or corrected) repair order makes them qualify: a consumer of the
 * repair order events, marking each event processed in the transaction of the upgrade. Downgrades are never made
 * here: only the evaluation job makes them, under the programme's rules.
 */
@Component
class CardUpgrades extends StoreEventHandler {

    static final String NAME = "store-console.card-upgrades";
    private static final Set<String> TYPES = Set.of(RepairOrderEvents.Type.RepairOrderSettled.name(),
            RepairOrderEvents.Type.RepairOrderCorrected.name());

    private final ProcessedEvents processed;
    private final MemberCards cards;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    CardUpgrades(TenantRegistry tenants, ProcessedEvents processed, MemberCards cards, TransactionTemplate tx,
            JsonMapper json) {
        super(tenants);
        this.processed = processed;
        this.cards = cards;
        this.tx = tx;
        this.json = json;
    }

    @Override
    protected boolean wants(String eventType) {
        return TYPES.contains(eventType);
    }

    @Override
    protected void handleInStore(ReceivedEvent event) {
        RepairOrderEvents.RepairOrderChanged order = json.readValue(event.payload(),
                RepairOrderEvents.RepairOrderChanged.class);
        tx.executeWithoutResult(status -> {
            if (processed.firstTime(NAME, event.eventId())) {
                cards.evaluate(order.memberId(), false, "system");
            }
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Consumer {

        @Bean
        EventConsumer cardUpgradeConsumer(EventConsumers consumers, CardUpgrades upgrades) {
            return consumers.create(NAME, List.of(RepairOrderEvents.TOPIC), upgrades);
        }
    }
}
