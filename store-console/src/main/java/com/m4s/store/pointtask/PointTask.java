package com.m4s.store.pointtask;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An automatic point task: what it rewards, how much, when and how often per member. What it granted is in the
 * ledger (entries with the task as their source), not here.
 */
@Entity
@Table(name = "point_task")
class PointTask extends BaseEntity {

    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_type")
    private PointTaskTrigger trigger;
    @Enumerated(EnumType.STRING)
    @Column(name = "reward_kind")
    private PointTaskReward rewardKind;
    private @Nullable Long points;
    @Column(name = "points_per_yuan")
    private @Nullable BigDecimal pointsPerYuan;
    @Enumerated(EnumType.STRING)
    @Column(name = "member_limit")
    private PointTaskLimit memberLimit;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_until")
    private @Nullable LocalDate validUntil;
    @Enumerated(EnumType.STRING)
    private PointTaskStatus status;
    @Column(name = "published_at")
    private @Nullable Instant publishedAt;
    @Column(name = "ended_at")
    private @Nullable Instant endedAt;
    @Column(name = "created_by")
    private String createdBy;

    protected PointTask() {
        this.name = "";
        this.description = "";
        this.trigger = PointTaskTrigger.DAILY_CHECK_IN;
        this.rewardKind = PointTaskReward.FIXED;
        this.memberLimit = PointTaskLimit.ONCE;
        this.validFrom = LocalDate.EPOCH;
        this.status = PointTaskStatus.DRAFT;
        this.createdBy = "";
    }

    PointTask(PointTaskRequests.PointTaskChange change, String createdBy, Instant now) {
        super(now);
        this.name = "";
        this.description = "";
        this.trigger = change.trigger();
        this.rewardKind = change.rewardKind();
        this.memberLimit = change.memberLimit();
        this.validFrom = change.validFrom();
        this.status = PointTaskStatus.DRAFT;
        this.createdBy = createdBy;
        apply(change);
    }

    void change(PointTaskRequests.PointTaskChange change, Instant now) {
        apply(change);
        touch(now);
    }

    void publish(Instant now) {
        this.status = PointTaskStatus.PUBLISHED;
        this.publishedAt = now;
        touch(now);
    }

    void end(Instant now) {
        this.status = PointTaskStatus.ENDED;
        this.endedAt = now;
        touch(now);
    }

    /** Whether it grants on the store day {@code day}: published and within its validity. */
    boolean grantsOn(LocalDate day) {
        return status == PointTaskStatus.PUBLISHED && !day.isBefore(validFrom)
                && (validUntil == null || !day.isAfter(validUntil));
    }

    /** Its points for an occurrence with this customer-paid amount (a ratio rounds down; may be zero). */
    long pointsFor(long amountYuan) {
        if (rewardKind == PointTaskReward.FIXED) {
            return points == null ? 0 : points;
        }
        return pointsPerYuan == null ? 0
                : pointsPerYuan.multiply(BigDecimal.valueOf(amountYuan)).setScale(0, RoundingMode.FLOOR).longValue();
    }

    private void apply(PointTaskRequests.PointTaskChange change) {
        this.name = change.name().strip();
        this.description = change.description() == null ? "" : change.description().strip();
        this.trigger = change.trigger();
        this.rewardKind = change.rewardKind();
        this.points = change.rewardKind() == PointTaskReward.FIXED ? change.points() : null;
        this.pointsPerYuan = change.rewardKind() == PointTaskReward.RATIO ? change.pointsPerYuan() : null;
        this.memberLimit = change.memberLimit();
        this.validFrom = change.validFrom();
        this.validUntil = change.validUntil();
    }

    String name() { return name; }
    String description() { return description; }
    PointTaskTrigger trigger() { return trigger; }
    PointTaskReward rewardKind() { return rewardKind; }
    @Nullable Long points() { return points; }
    @Nullable BigDecimal pointsPerYuan() { return pointsPerYuan; }
    PointTaskLimit memberLimit() { return memberLimit; }
    LocalDate validFrom() { return validFrom; }
    @Nullable LocalDate validUntil() { return validUntil; }
    PointTaskStatus status() { return status; }
    @Nullable Instant publishedAt() { return publishedAt; }
    @Nullable Instant endedAt() { return endedAt; }
    String createdBy() { return createdBy; }
}
