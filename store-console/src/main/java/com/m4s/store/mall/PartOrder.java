package com.m4s.store.mall;

import com.m4s.platform.entity.KeyedEntity;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.Problems;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A part ordered for a customer (配件预订, MALL-3, decision 0052): what part, how many, for which member and car, from
 * which supplier and when it should come, what was agreed about money, the advisor bound to the member when it was
 * recorded and when it arrived, and each step's time and who took it.
 */
@Entity
@Table(name = "part_order")
class PartOrder extends KeyedEntity {

    private String number;
    @Column(name = "member_id")
    private UUID memberId;
    @Column(name = "vehicle_id")
    private @Nullable UUID vehicleId;
    private @Nullable String plate;
    @Column(name = "part_name")
    private String partName;
    @Column(name = "part_number")
    private String partNumber;
    private int quantity;
    private @Nullable String supplier;
    @Column(name = "expected_on")
    private @Nullable LocalDate expectedOn;
    @Column(name = "price_fen")
    private @Nullable Long priceFen;
    @Column(name = "deposit_fen")
    private @Nullable Long depositFen;
    @Column(name = "repair_order_number")
    private @Nullable String repairOrderNumber;
    private @Nullable String note;
    @Column(name = "notify_owner")
    private boolean notifyOwner;
    private @Nullable String advisor;
    @Column(name = "arrival_advisor")
    private @Nullable String arrivalAdvisor;
    @Enumerated(EnumType.STRING)
    private PartOrderStatus status;
    @Column(name = "arrived_at")
    private @Nullable Instant arrivedAt;
    @Column(name = "arrived_by")
    private @Nullable String arrivedBy;
    @Column(name = "handed_over_at")
    private @Nullable Instant handedOverAt;
    @Column(name = "handed_over_by")
    private @Nullable String handedOverBy;
    @Column(name = "cancelled_at")
    private @Nullable Instant cancelledAt;
    @Column(name = "cancelled_by")
    private @Nullable String cancelledBy;
    @Column(name = "cancel_reason")
    private @Nullable String cancelReason;

    protected PartOrder() {
        // for JPA, which sets every field right after
        this.number = "";
        this.memberId = new UUID(0, 0);
        this.partName = "";
        this.partNumber = "";
        this.status = PartOrderStatus.ORDERED;
    }

    PartOrder(String number, PartOrderRequests.NewPartOrder order, @Nullable String plate, @Nullable String advisor,
            String key, String hash, String createdBy, Instant now) {
        super(key, hash, createdBy, now);
        this.number = number;
        this.memberId = order.memberId();
        this.vehicleId = order.vehicleId();
        this.plate = plate;
        this.partName = order.partName().strip();
        this.partNumber = order.partNumber().strip();
        this.quantity = order.quantity();
        this.supplier = blankToNull(order.supplier());
        this.expectedOn = order.expectedOn();
        this.priceFen = order.priceFen();
        this.depositFen = order.depositFen();
        this.repairOrderNumber = blankToNull(order.repairOrderNumber());
        this.note = blankToNull(order.note());
        this.notifyOwner = order.notifyOwner() == null || order.notifyOwner();
        this.advisor = advisor;
        this.status = PartOrderStatus.ORDERED;
    }

    private void require(PartOrderStatus.Move move) {
        if (!status.allows(move)) {
            throw new ApiException.Conflict("part-order-move-not-allowed", number,
                    Problems.message("problem.part-order-move." + move.name()),
                    Problems.message("problem.part-order-status." + status.name()));
        }
    }

    /** The part came in; {@code advisor}: the member's advisor now, who is told. */
    void arrive(@Nullable String advisor, String by, Instant now) {
        require(PartOrderStatus.Move.ARRIVE);
        status = PartOrderStatus.ARRIVED;
        arrivalAdvisor = advisor;
        arrivedAt = now;
        arrivedBy = by;
        touch(now);
    }

    void handOver(String by, Instant now) {
        require(PartOrderStatus.Move.HAND_OVER);
        status = PartOrderStatus.HANDED_OVER;
        handedOverAt = now;
        handedOverBy = by;
        touch(now);
    }

    void cancel(String reason, String by, Instant now) {
        require(PartOrderStatus.Move.CANCEL);
        status = PartOrderStatus.CANCELLED;
        cancelledAt = now;
        cancelledBy = by;
        cancelReason = reason.strip();
        touch(now);
    }

    String number() { return number; }
    UUID memberId() { return memberId; }
    String partName() { return partName; }
    int quantity() { return quantity; }
    boolean notifyOwner() { return notifyOwner; }
    @Nullable String advisor() { return advisor; }
    @Nullable String arrivalAdvisor() { return arrivalAdvisor; }
    PartOrderStatus status() { return status; }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
