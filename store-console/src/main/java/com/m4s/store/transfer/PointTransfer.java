package com.m4s.store.transfer;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A transfer of points between two members of the store; the points themselves moved in the ledger. */
@Entity
@Table(name = "point_transfer")
class PointTransfer extends BaseEntity {

    @Column(name = "request_key", updatable = false)
    private String requestKey;
    @Column(name = "from_member_id", updatable = false)
    private UUID fromMemberId;
    @Column(name = "to_member_id", updatable = false)
    private UUID toMemberId;
    @Column(updatable = false)
    private long points;
    @Enumerated(EnumType.STRING)
    private PointTransferStatus status;
    @Column(name = "store_day", updatable = false)
    private LocalDate storeDay;
    @Column(name = "out_entry_id")
    private UUID outEntryId;
    @Column(name = "in_entry_id")
    private UUID inEntryId;
    @Column(name = "reversed_at")
    private @Nullable Instant reversedAt;
    @Column(name = "reversed_by")
    private @Nullable String reversedBy;
    @Column(name = "reverse_reason")
    private @Nullable String reverseReason;
    @Column(name = "created_by", updatable = false)
    private String createdBy;

    protected PointTransfer() {
        this.requestKey = "";
        this.fromMemberId = new UUID(0, 0);
        this.toMemberId = new UUID(0, 0);
        this.status = PointTransferStatus.COMPLETED;
        this.storeDay = LocalDate.EPOCH;
        this.outEntryId = new UUID(0, 0);
        this.inEntryId = new UUID(0, 0);
        this.createdBy = "";
    }

    /** A transfer about to be posted; {@link #legs} records its entries before it is saved. */
    PointTransfer(String requestKey, UUID from, UUID to, long points, LocalDate storeDay, String createdBy,
            Instant now) {
        super(now);
        this.requestKey = requestKey;
        this.fromMemberId = from;
        this.toMemberId = to;
        this.points = points;
        this.status = PointTransferStatus.COMPLETED;
        this.storeDay = storeDay;
        this.outEntryId = new UUID(0, 0);
        this.inEntryId = new UUID(0, 0);
        this.createdBy = createdBy;
    }

    void legs(UUID outEntry, UUID inEntry) {
        this.outEntryId = outEntry;
        this.inEntryId = inEntry;
    }

    void reverse(String reason, String by, Instant now) {
        this.status = PointTransferStatus.REVERSED;
        this.reversedAt = now;
        this.reversedBy = by;
        this.reverseReason = reason;
        touch(now);
    }

    String requestKey() { return requestKey; }
    UUID fromMemberId() { return fromMemberId; }
    UUID toMemberId() { return toMemberId; }
    long points() { return points; }
    PointTransferStatus status() { return status; }
    LocalDate storeDay() { return storeDay; }
}
