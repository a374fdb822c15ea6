package com.m4s.store.mall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the part orders' API answers; money in fen. */
public final class PartOrderViews {

    /**
     * A part order with each step, the advisors (usernames) bound when it was recorded and when it arrived, and the moves
     * allowed now for the pages' buttons.
     */
    public record PartOrderView(UUID id, String number, UUID memberId, String memberName, String memberPhone,
            @Nullable UUID vehicleId, @Nullable String plate, String partName, String partNumber, int quantity,
            @Nullable String supplier, @Nullable LocalDate expectedOn, @Nullable Long priceFen,
            @Nullable Long depositFen, @Nullable String repairOrderNumber, @Nullable String note, boolean notifyOwner,
            @Nullable String advisor, @Nullable String arrivalAdvisor, PartOrderStatus status,
            @Nullable Instant arrivedAt, @Nullable String arrivedBy, @Nullable Instant handedOverAt,
            @Nullable String handedOverBy, @Nullable Instant cancelledAt, @Nullable String cancelledBy,
            @Nullable String cancelReason, String createdBy, Instant createdAt, List<PartOrderStatus.Move> allowed,
            long version) {
    }

    /** A row of the console's list (and of its Excel export). */
    public record PartOrderRow(UUID id, String number, UUID memberId, String memberName, String memberPhone,
            @Nullable String plate, String partName, String partNumber, int quantity, @Nullable String supplier,
            @Nullable LocalDate expectedOn, @Nullable Long priceFen, @Nullable Long depositFen, PartOrderStatus status,
            @Nullable String advisor, @Nullable Instant arrivedAt, Instant createdAt) {
    }

    /** A part ordered for the owner, as the owner app shows it. */
    public record MyPartOrder(UUID id, String number, @Nullable String plate, String partName, String partNumber,
            int quantity, @Nullable LocalDate expectedOn, @Nullable Long priceFen, @Nullable Long depositFen,
            PartOrderStatus status, @Nullable Instant arrivedAt, @Nullable Instant handedOverAt,
            @Nullable Instant cancelledAt, @Nullable String cancelReason, Instant createdAt) {
    }

    private PartOrderViews() {
    }
}
