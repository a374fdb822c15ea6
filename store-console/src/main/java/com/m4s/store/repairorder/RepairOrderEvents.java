package com.m4s.store.repairorder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The repair order's domain events, all on topic {@value #TOPIC}, each with the order after the change. */
public final class RepairOrderEvents {

    /** The repair order context's topic. */
    public static final String TOPIC = "m4s.repairorder";

    /** Event types, past tense. */
    public enum Type {
        RepairOrderOpened, RepairOrderCorrected, RepairOrderSettled, RepairOrderRefunded, RepairOrderReversed
    }

    /**
     * The payload of every event (no names or phones: the member is an id).
     *
     * @param lineIds the lines this step is about: the refunded ones, the corrected ones; empty otherwise
     */
    public record RepairOrderChanged(UUID repairOrderId, String store, @Nullable String group, long version,
            String dmsNumber, UUID memberId, RepairOrderStatus status, @Nullable String plate, @Nullable String vin,
            @Nullable Integer mileageKm, @Nullable Instant settledAt, @Nullable Integer ruleVersion,
            List<UUID> lineIds) {

        static RepairOrderChanged of(RepairOrder order, String store, @Nullable String group, List<UUID> lineIds) {
            return new RepairOrderChanged(order.id(), store, group, order.version(), order.dmsNumber(),
                    order.memberId(), order.status(), order.plate(), order.vin(), order.mileageKm(),
                    order.settledAt(), order.ruleVersion(), List.copyOf(lineIds));
        }
    }

    private RepairOrderEvents() {
    }
}
