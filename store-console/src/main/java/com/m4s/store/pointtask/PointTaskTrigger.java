package com.m4s.store.pointtask;

import com.m4s.store.repairorder.RepairOrderEvents;
import com.m4s.store.usedcar.UsedCarEvents;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue of what a task can reward (decision 0033). Each trigger declares the events it listens to (topic and
 * types) and how to read the member, and for order triggers the customer-paid amount, from an event's payload; a
 * trigger without events is granted by its own endpoint (the daily check-in). A later trigger plugs in by declaring
 * one more entry here: the consumer subscribes to every declared topic and the console offers every available one.
 */
public enum PointTaskTrigger {

    /** A repair order was settled: the order's member; the amount is what they paid themselves on it. */
    REPAIR_ORDER_SETTLED(RepairOrderEvents.TOPIC, Set.of(RepairOrderEvents.Type.RepairOrderSettled.name()), true) {
        @Override
        Optional<Occurrence> read(JsonNode payload, Lookups lookups) {
            UUID order = uuid(payload, "repairOrderId");
            UUID member = uuid(payload, "memberId");
            return Optional.of(new Occurrence(member, lookups.customerPaidYuan(order)));
        }
    },
    /** A consigned car was sold through the store: its seller. */
    USED_CAR_SOLD(UsedCarEvents.TOPIC, Set.of(UsedCarEvents.Type.UsedCarSold.name()), false) {
        @Override
        Optional<Occurrence> read(JsonNode payload, Lookups lookups) {
            return lookups.seller(uuid(payload, "usedCarId")).map(member -> new Occurrence(member, 0));
        }
    },
    /** The owner checked in for the day in the owner app ({@code POST /me/check-ins}). */
    DAILY_CHECK_IN(null, Set.of(), false),
    /** Not yet available: the member package publishes no event when a member joins. */
    MEMBER_JOINED(null, Set.of(), false),
    /** Not yet available: no event when an owner completes the app's sign-up. */
    OWNER_SIGNED_UP(null, Set.of(), false),
    /** Not yet available: no referral is recorded, so no first order of a referred member can be told. */
    REFERRAL_FIRST_ORDER(null, Set.of(), false);

    /** Who did it and, for order triggers, what they paid themselves in whole yuan. */
    record Occurrence(UUID member, long amountYuan) {
    }

    /** What a trigger may look up in the store to read an event (other packages' public queries). */
    interface Lookups {

        long customerPaidYuan(UUID repairOrder);

        Optional<UUID> seller(UUID usedCar);
    }

    private final @Nullable String topic;
    private final Set<String> eventTypes;
    private final boolean amount;

    PointTaskTrigger(@Nullable String topic, Set<String> eventTypes, boolean amount) {
        this.topic = topic;
        this.eventTypes = eventTypes;
        this.amount = amount;
    }

    /** The topic of its events; null for a trigger granted by its own endpoint or not yet available. */
    public @Nullable String topic() {
        return topic;
    }

    public Set<String> eventTypes() {
        return eventTypes;
    }

    /** Whether it carries an amount, so a task may reward a ratio of it. */
    public boolean amount() {
        return amount;
    }

    /** Whether tasks can use it now: it has events, or an endpoint of its own. */
    public boolean available() {
        return topic != null || this == DAILY_CHECK_IN;
    }

    /** Whether every occurrence has an id of its own (an event), so a task may reward it without limit. */
    public boolean evented() {
        return topic != null;
    }

    /** The member (and amount) of one of its events; empty when there is nobody to reward. */
    Optional<Occurrence> read(JsonNode payload, Lookups lookups) {
        throw new UnsupportedOperationException(name() + " reads no events");
    }

    /** The trigger that listens to events of this type, if any. */
    static Optional<PointTaskTrigger> ofEvent(String eventType) {
        for (PointTaskTrigger trigger : values()) {
            if (trigger.eventTypes.contains(eventType)) {
                return Optional.of(trigger);
            }
        }
        return Optional.empty();
    }

    private static UUID uuid(JsonNode payload, String field) {
        return UUID.fromString(payload.path(field).asString());
    }
}
