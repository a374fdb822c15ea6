package com.m4s.store.points;

import com.m4s.platform.entity.KeyedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * One immutable movement of a member's points: signed changes of the available, pending and debt buckets and of
 * lifetime earned points, its source, the rule version that produced it and its idempotency key. Never updated or
 * deleted (Hibernate treats it as immutable; a trigger refuses it in the database).
 */
@Entity
@Immutable
@Table(name = "points_entry")
class PointsEntry extends KeyedEntity {

    @Column(name = "member_id")
    private UUID memberId;
    @Enumerated(EnumType.STRING)
    private EntryKind kind;
    @Column(name = "available_delta")
    private long availableDelta;
    @Column(name = "pending_delta")
    private long pendingDelta;
    @Column(name = "debt_delta")
    private long debtDelta;
    @Column(name = "earned_delta")
    private long earnedDelta;
    @Enumerated(EnumType.STRING)
    @Column(name = "source_type")
    private SourceType sourceType;
    @Column(name = "source_id")
    private @Nullable UUID sourceId;
    @Column(name = "source_ref")
    private @Nullable String sourceRef;
    private @Nullable String reason;
    @Column(name = "rule_version")
    private @Nullable Integer ruleVersion;
    @Column(name = "activates_at")
    private @Nullable Instant activatesAt;
    /** What a grant rewarded, for its take-backs to find it: the repair order a task's grant was for. */
    @Column(name = "cause_id")
    private @Nullable UUID causeId;

    protected PointsEntry() {
        // for JPA, which sets every field right after
        this.memberId = new UUID(0, 0);
        this.kind = EntryKind.ADJUST;
        this.sourceType = SourceType.STAFF_ADJUSTMENT;
    }

    PointsEntry(UUID memberId, EntryKind kind, Points.Deltas deltas, Points.Source source, @Nullable String reason,
            @Nullable Integer ruleVersion, @Nullable Instant activatesAt, @Nullable UUID causeId,
            String idempotencyKey, String requestHash, String createdBy, Instant now) {
        super(idempotencyKey, requestHash, createdBy, now);
        this.memberId = memberId;
        this.kind = kind;
        this.availableDelta = deltas.available();
        this.pendingDelta = deltas.pending();
        this.debtDelta = deltas.debt();
        this.earnedDelta = deltas.earned();
        this.sourceType = source.type();
        this.sourceId = source.id();
        this.sourceRef = source.ref();
        this.reason = reason;
        this.ruleVersion = ruleVersion;
        this.activatesAt = activatesAt;
        this.causeId = causeId;
    }

    UUID memberId() { return memberId; }
    EntryKind kind() { return kind; }
    long availableDelta() { return availableDelta; }
    long pendingDelta() { return pendingDelta; }
    long debtDelta() { return debtDelta; }
    long earnedDelta() { return earnedDelta; }
    SourceType sourceType() { return sourceType; }
    @Nullable UUID sourceId() { return sourceId; }
    @Nullable String sourceRef() { return sourceRef; }
    @Nullable String reason() { return reason; }
    @Nullable Integer ruleVersion() { return ruleVersion; }
    @Nullable UUID causeId() { return causeId; }
}
