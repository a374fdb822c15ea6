package com.m4s.store.repairorder;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A repair order (派工单) as the DMS last sent it: its member, vehicle, advisor, times and mileage; its lines are
 * {@link RepairOrderLine} rows. Each method is one move and assumes the caller checked {@link RepairOrderStatus#allows}.
 */
@Entity
@Table(name = "repair_order")
class RepairOrder extends BaseEntity {

    @Column(name = "dms_number")
    private String dmsNumber;
    @Column(name = "member_id")
    private UUID memberId;
    @Enumerated(EnumType.STRING)
    private RepairOrderStatus status;
    private @Nullable String plate;
    private @Nullable String vin;
    private @Nullable String advisor;
    @Column(name = "mileage_km")
    private @Nullable Integer mileageKm;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "settled_at")
    private @Nullable Instant settledAt;
    @Column(name = "rule_version")
    private @Nullable Integer ruleVersion;
    @Column(name = "points_activate_at")
    private @Nullable Instant pointsActivateAt;
    @Column(name = "content_hash")
    private String contentHash;

    protected RepairOrder() {
        // for JPA, which sets every field right after
        this.dmsNumber = "";
        this.memberId = new UUID(0, 0);
        this.status = RepairOrderStatus.OPEN;
        this.openedAt = Instant.EPOCH;
        this.contentHash = "";
    }

    RepairOrder(RepairOrderRequests.DmsOrder order, String contentHash, Instant now) {
        super(now);
        this.dmsNumber = order.dmsNumber().strip();
        this.memberId = java.util.Objects.requireNonNull(order.memberId());
        this.status = RepairOrderStatus.OPEN;
        this.contentHash = contentHash;
        describe(order, contentHash, now);
    }

    /** Whether the DMS says something else about the order itself (its lines and status aside). */
    boolean differsFrom(RepairOrderRequests.DmsOrder order) {
        return !memberId.equals(order.memberId()) || !java.util.Objects.equals(plate, order.plate())
                || !java.util.Objects.equals(vin, order.vin()) || !java.util.Objects.equals(advisor, order.advisor())
                || !java.util.Objects.equals(mileageKm, order.mileageKm()) || !openedAt.equals(order.openedAt());
    }

    void describe(RepairOrderRequests.DmsOrder order, String hash, Instant now) {
        memberId = java.util.Objects.requireNonNull(order.memberId());
        plate = order.plate();
        vin = order.vin();
        advisor = order.advisor();
        mileageKm = order.mileageKm();
        openedAt = order.openedAt();
        contentHash = hash;
        touch(now);
    }

    void settle(Instant at, int version, Instant activateAt, Instant now) {
        status = RepairOrderStatus.SETTLED;
        settledAt = at;
        ruleVersion = version;
        pointsActivateAt = activateAt;
        touch(now);
    }

    void refunded(Instant now) {
        status = RepairOrderStatus.REFUNDED;
        touch(now);
    }

    void reverse(Instant now) {
        status = RepairOrderStatus.REVERSED;
        touch(now);
    }

    String dmsNumber() { return dmsNumber; }
    UUID memberId() { return memberId; }
    RepairOrderStatus status() { return status; }
    @Nullable String plate() { return plate; }
    @Nullable String vin() { return vin; }
    @Nullable String advisor() { return advisor; }
    @Nullable Integer mileageKm() { return mileageKm; }
    Instant openedAt() { return openedAt; }
    @Nullable Instant settledAt() { return settledAt; }
    @Nullable Integer ruleVersion() { return ruleVersion; }
    @Nullable Instant pointsActivateAt() { return pointsActivateAt; }
    String contentHash() { return contentHash; }
}
