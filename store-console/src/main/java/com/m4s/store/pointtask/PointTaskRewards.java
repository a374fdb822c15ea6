package com.m4s.store.pointtask;

import com.m4s.platform.events.EventConsumer;
import com.m4s.platform.events.EventConsumers;
import com.m4s.platform.events.ProcessedEvents;
import com.m4s.platform.events.ReceivedEvent;
import com.m4s.platform.events.StoreEventHandler;
import com.m4s.platform.tenancy.TenantRegistry;
import java.util.Arrays;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grants the tasks' points on the events of the trigger catalogue: a consumer of every topic a trigger declares,
 * marking each event processed in the transaction of its grants. A replayed event grants nothing (processed before,
 * and the ledger's key holds the limit even if it were not). A refunded or reversed repair order takes back what the
 * tasks gave for it, and so does a refunded mall order ({@link PointTasks#onTakeBack}), on the same terms.
 */
@Component
class PointTaskRewards extends StoreEventHandler {

    static final String NAME = "store-console.point-task-rewards";

    private final ProcessedEvents processed;
    private final PointTasks tasks;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    PointTaskRewards(TenantRegistry tenants, ProcessedEvents processed, PointTasks tasks, TransactionTemplate tx,
            JsonMapper json) {
        super(tenants);
        this.processed = processed;
        this.tasks = tasks;
        this.tx = tx;
        this.json = json;
    }

    @Override
    protected boolean wants(String eventType) {
        return !PointTaskTrigger.ofEvent(eventType).isEmpty() || PointTaskTrigger.takesBack(eventType);
    }

    @Override
    protected void handleInStore(ReceivedEvent event) {
        List<PointTaskTrigger> triggers = PointTaskTrigger.ofEvent(event.type());
        if (triggers.isEmpty() && !PointTaskTrigger.takesBack(event.type())) {
            return;
        }
        JsonNode payload = json.readTree(event.payload());
        Optional<PointTaskTrigger.TakeBack> takeBack = PointTaskTrigger.takeBack(event.type(), payload);
        tx.executeWithoutResult(status -> {
            if (!processed.firstTime(NAME, event.eventId())) {
                return;
            }
            for (PointTaskTrigger trigger : triggers) {
                tasks.onEvent(trigger, event.eventId(), event.occurredAt(), payload);
            }
            takeBack.ifPresent(back -> tasks.onTakeBack(back, event.eventId()));
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Consumer {

        @Bean
        EventConsumer pointTaskRewardConsumer(EventConsumers consumers, PointTaskRewards rewards) {
            return consumers.create(NAME, Arrays.stream(PointTaskTrigger.values()).map(PointTaskTrigger::topic)
                    .filter(Objects::nonNull).distinct().toList(), rewards);
        }
    }
}
