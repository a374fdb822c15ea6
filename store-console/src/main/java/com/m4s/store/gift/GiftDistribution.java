package com.m4s.store.gift;

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
 * A batch distribution of one gift (GIFT-3, decision 0049): a title (the occasion, e.g. 春节老客户回馈), how many
 * each member gets, and where it is (DRAFT → RUNNING → DONE). Its members and their outcomes are
 * {@link GiftDistributionMember} rows.
 */
@Entity
@Table(name = "gift_distribution")
class GiftDistribution extends BaseEntity {

    @Column(name = "gift_id")
    private UUID giftId;
    private String title;
    private int quantity;
    @Enumerated(EnumType.STRING)
    private GiftDistributionStatus status;
    @Column(name = "started_by")
    private @Nullable String startedBy;
    @Column(name = "started_at")
    private @Nullable Instant startedAt;
    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;
    @Column(name = "created_by")
    private String createdBy;

    protected GiftDistribution() {
        // for JPA, which sets every field right after
        this.giftId = new UUID(0, 0);
        this.title = "";
        this.status = GiftDistributionStatus.DRAFT;
        this.createdBy = "";
    }

    GiftDistribution(UUID giftId, String title, int quantity, String createdBy, Instant now) {
        super(now);
        this.giftId = giftId;
        this.title = title;
        this.quantity = quantity;
        this.status = GiftDistributionStatus.DRAFT;
        this.createdBy = createdBy;
    }

    void start(String by, Instant now) {
        status = GiftDistributionStatus.RUNNING;
        startedBy = by;
        startedAt = now;
        touch(now);
    }

    void finish(Instant now) {
        status = GiftDistributionStatus.DONE;
        finishedAt = now;
        touch(now);
    }

    void membersChanged(Instant now) {
        touch(now);
    }

    UUID giftId() { return giftId; }
    String title() { return title; }
    int quantity() { return quantity; }
    GiftDistributionStatus status() { return status; }
    @Nullable String startedBy() { return startedBy; }
}
