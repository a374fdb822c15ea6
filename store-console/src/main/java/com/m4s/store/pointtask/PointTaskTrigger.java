package com.m4s.store.pointtask;

import com.m4s.store.mall.MallEvents;
import com.m4s.store.member.MemberEvents;
import com.m4s.store.repairorder.RepairOrderEvents;
import com.m4s.store.transfer.PointTransferEvents;
import com.m4s.store.usedcar.UsedCarEvents;
import java.util.Arrays;
import java.util.List;
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
 * Several triggers may listen to one event type (a settled order rewards its member and, the first time, their
 * referrer).
 */
public enum PointTaskTrigger {

    /**
     * A repair order was settled: the order's member; the amount is what they paid themselves on it, and the order is
     * the grant's cause (a refund or reversal of the order takes the reward back, decision 0033).
     */
    REPAIR_ORDER_SETTLED(RepairOrderEvents.TOPIC, Set.of(RepairOrderEvents.Type.RepairOrderSettled.name()), true) {
        @Override
        Optional<Occurrence> read(JsonNode payload, Lookups lookups) {
            UUID order = uuid(payload, "repairOrderId");
            UUID member = uuid(payload, "memberId");
            return Optional.of(new Occurrence(member, amountOf(order, lookups), order, null));
        }

        @Override
        long amountOf(UUID cause, Lookups lookups) {
            return lookups.customerPaidYuan(cause);
        }
    },
    /**
     * A mall order was paid: the buyer; the amount is the money they paid (wallet, cash, online — not coupons or
     * points), and the order is the grant's cause, so its refund takes the reward back like a repair order's.
     */
    MALL_ORDER_PAID(MallEvents.TOPIC, Set.of(MallEvents.Type.MallOrderPaid.name()), true) {
        @Override
        Optional<Occurrence> read(JsonNode payload, Lookups lookups) {
            UUID order = uuid(payload, "orderId");
            return Optional.of(new Occurrence(uuid(payload, "memberId"), amountOf(order, lookups), order, null));
        }

        @Override
        long amountOf(UUID cause, Lookups lookups) {
            return lookups.mallOrderPaidYuan(cause);
        }
    },
    /** A consigned car was sold through the store: its seller. */
    USED_CAR_SOLD(UsedCarEvents.TOPIC, Set.of(UsedCarEvents.Type.UsedCarSold.name()), false) {
        @Override
        Optional<Occurrence> read(JsonNode payload, Lookups lookups) {
            return lookups.seller(uuid(payload, "usedCarId")).map(member -> new Occurrence(member, 0, null, null));
        }
    },
    /** The owner checked in for the day in the owner app ({@code POST /me/check-ins}). */
    DAILY_CHECK_IN(null, Set.of(), false),
    /** A member joined the store, whatever the way (staff in the console, a DMS customer made by an order). */
    MEMBER_JOINED(MemberEvents.TOPIC, Set.of(MemberEvents.Type.MemberJoined.name()), false) {
        @Override
        Optional<Occurrence> read(JsonNode payload, Lookups lookups) {
            return Optional.of(new Occurrence(uuid(payload, "memberId"), 0, null, null));
        }
    },
    /** The member's owner completed the owner app's sign-up. */
    OWNER_SIGNED_UP(MemberEvents.TOPIC, Set.of(MemberEvents.Type.OwnerSignedUp.name()), false) {
        @Override
        Optional<Occurrence> read(JsonNode payload, Lookups lookups) {
            return Optional.of(new Occurrence(uuid(payload, "memberId"), 0, null, null));
        }
    },
    /**
     * A referred member's first repair order was settled: the member who referred them, once per referred member
     * (the referred member is the occurrence's subject, and the ledger key names it); the order is the cause.
     */
    REFERRAL_FIRST_ORDER(RepairOrderEvents.TOPIC, Set.of(RepairOrderEvents.Type.RepairOrderSettled.name()), false) {
        @Override
        Optional<Occurrence> read(JsonNode payload, Lookups lookups) {
            UUID order = uuid(payload, "repairOrderId");
            UUID referred = uuid(payload, "memberId");
            if (!lookups.firstSettled(order, referred)) {
                return Optional.empty();
            }
            return lookups.referrer(referred).map(referrer -> new Occurrence(referrer, 0, order, referred));
        }

        @Override
        public boolean oncePerSubject() {
            return true;
        }
    },
    /**
     * An owner's share link brought someone (a new browser's first visit, or an owner's sign-up through it): the
     * sharer (decision 0040). A link converts once per visitor; the task's limit caps the sharer per day or month.
     */
    SHARE_CONVERTED(PointTransferEvents.TOPIC, Set.of(PointTransferEvents.Type.PointShareConverted.name()), false) {
        @Override
        Optional<Occurrence> read(JsonNode payload, Lookups lookups) {
            return Optional.of(new Occurrence(uuid(payload, "sharerMemberId"), 0, null, null));
        }
    };

    /**
     * Who did it and, for order triggers, what they paid themselves in whole yuan.
     *
     * @param cause the repair order the occurrence is about, whose refund or reversal takes the reward back; null
     *     for others
     * @param subject for a trigger rewarding once per subject, the subject (the referred member)
     */
    record Occurrence(UUID member, long amountYuan, @Nullable UUID cause, @Nullable UUID subject) {
    }

    /** What a trigger may look up in the store to read an event (other packages' public queries). */
    interface Lookups {

        long customerPaidYuan(UUID repairOrder);

        /** The money the owner paid for a mall order, less what refunds gave back of it. */
        long mallOrderPaidYuan(UUID mallOrder);

        Optional<UUID> seller(UUID usedCar);

        /** The member who referred this one, if any. */
        Optional<UUID> referrer(UUID member);

        /** Whether the order is the member's first settled repair order. */
        boolean firstSettled(UUID repairOrder, UUID member);
    }

    /**
     * What an event takes back of the rewards given for its cause (decision 0033): a repair order's refund and a mall
     * order's partial refund keep what the amount left still earns; a repair order's reversal and a mall order's
     * whole refund take everything.
     *
     * @param reversal entered as a reversal (one per cause) rather than a refund (one per event)
     */
    record TakeBack(UUID cause, boolean all, boolean reversal) {
    }

    /** The events that take rewards back, and how each reads its cause. */
    static Optional<TakeBack> takeBack(String eventType, JsonNode payload) {
        if (eventType.equals(RepairOrderEvents.Type.RepairOrderRefunded.name())) {
            return Optional.of(new TakeBack(uuid(payload, "repairOrderId"), false, false));
        }
        if (eventType.equals(RepairOrderEvents.Type.RepairOrderReversed.name())) {
            return Optional.of(new TakeBack(uuid(payload, "repairOrderId"), true, true));
        }
        if (eventType.equals(MallEvents.Type.MallOrderRefunded.name())) {
            return Optional.of(new TakeBack(uuid(payload, "orderId"),
                    "REFUNDED".equals(payload.path("status").asString()), false));
        }
        return Optional.empty();
    }

    /** Whether events of this type may take rewards back ({@link #takeBack}). */
    static boolean takesBack(String eventType) {
        return TAKE_BACK.contains(eventType);
    }

    private static final Set<String> TAKE_BACK = Set.of(RepairOrderEvents.Type.RepairOrderRefunded.name(),
            RepairOrderEvents.Type.RepairOrderReversed.name(), MallEvents.Type.MallOrderRefunded.name());

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

    /**
     * Whether it rewards once per subject of the occurrence (a referred member) rather than by a per-member period:
     * its tasks take the limit ONCE only, and the key is {@code task:<task>:subject:<subject>}.
     */
    public boolean oncePerSubject() {
        return false;
    }

    /** Whether tasks can use it now: it has events, or an endpoint of its own. */
    public boolean available() {
        return topic != null || this == DAILY_CHECK_IN;
    }

    /** Whether every occurrence has an id of its own (an event), so a task may reward it without limit. */
    public boolean evented() {
        return topic != null;
    }

    /** For a trigger carrying an amount, the amount its cause (an order) earns on now, in whole yuan. */
    long amountOf(UUID cause, Lookups lookups) {
        return 0;
    }

    /** The member (and amount) of one of its events; empty when there is nobody to reward. */
    Optional<Occurrence> read(JsonNode payload, Lookups lookups) {
        throw new UnsupportedOperationException(name() + " reads no events");
    }

    /** The triggers that listen to events of this type (a settled order: the order's own and the referral's). */
    static List<PointTaskTrigger> ofEvent(String eventType) {
        return Arrays.stream(values()).filter(t -> t.eventTypes.contains(eventType)).toList();
    }

    private static UUID uuid(JsonNode payload, String field) {
        return UUID.fromString(payload.path(field).asString());
    }
}
