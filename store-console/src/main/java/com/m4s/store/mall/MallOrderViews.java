package com.m4s.store.mall;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the mall's order API answers; money in fen. */
public final class MallOrderViews {

    /** A line of an order as bought. */
    public record MallOrderLineView(UUID id, UUID skuId, String productName, String spec, int quantity, long unitPriceFen,
            long amountFen) {
    }

    /**
     * An order with its lines and each step; the pick-up code only in the owner's own view (staff are told it by
     * the owner at the desk), the moves allowed now for the pages' buttons.
     */
    public record MallOrderView(UUID id, String number, UUID memberId, String memberName, String memberPhone,
            MallOrderStatus status, Fulfilment fulfilment, long grossFen, long refundedFen, @Nullable UUID paymentId,
            @Nullable String paymentStatus, long couponFen, long walletFen, long pointsUsed, long onlineFen,
            @Nullable String pickupCode, @Nullable String note, @Nullable Instant installationAt,
            @Nullable String repairOrderNumber, @Nullable Instant paidAt, @Nullable Instant readyAt,
            @Nullable Instant completedAt, @Nullable String completedBy, @Nullable Instant cancelledAt,
            @Nullable String cancelReason, Instant createdAt, List<MallOrderStatus.Move> allowed, long version,
            List<MallOrderLineView> lines) {

        MallOrderView withoutCode() {
            return new MallOrderView(id, number, memberId, memberName, memberPhone, status, fulfilment, grossFen,
                    refundedFen, paymentId, paymentStatus, couponFen, walletFen, pointsUsed, onlineFen, null, note,
                    installationAt, repairOrderNumber, paidAt, readyAt, completedAt, completedBy, cancelledAt,
                    cancelReason, createdAt, allowed, version, lines);
        }
    }

    /** A row of the console's order list. */
    public record MallOrderRow(UUID id, String number, UUID memberId, String memberName, String memberPhone,
            MallOrderStatus status, Fulfilment fulfilment, long grossFen, long refundedFen, int items,
            String summary, Instant createdAt) {
    }

    private MallOrderViews() {
    }
}
