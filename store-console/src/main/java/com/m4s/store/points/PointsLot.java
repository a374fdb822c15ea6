package com.m4s.store.points;

import com.m4s.platform.audit.Derived;
import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Points that became available together (a grant, an activation, an addition by staff) and what is left of them,
 * with the date they expire, fixed when they became available. Spending takes from the oldest lots first; expiry
 * removes what is left past the date. Only changed under the member's balance lock; the remainders of a member's
 * lots sum to their available points.
 */
@Derived
@Entity
@Table(name = "points_lot")
class PointsLot extends BaseEntity {

    @Column(name = "member_id")
    private UUID memberId;
    @Column(name = "entry_id")
    private @Nullable UUID entryId;
    private long points;
    private long remaining;
    @Column(name = "earned_at")
    private Instant earnedAt;
    @Column(name = "expires_on")
    private @Nullable LocalDate expiresOn;
    @Column(name = "expires_at")
    private @Nullable Instant expiresAt;

    protected PointsLot() {
        // for JPA, which sets every field right after
        this.memberId = new UUID(0, 0);
        this.earnedAt = Instant.EPOCH;
    }

    PointsLot(UUID memberId, UUID entryId, long points, @Nullable LocalDate expiresOn, @Nullable Instant expiresAt,
            Instant now) {
        super(now);
        this.memberId = memberId;
        this.entryId = entryId;
        this.points = points;
        this.remaining = points;
        this.earnedAt = now;
        this.expiresOn = expiresOn;
        this.expiresAt = expiresAt;
    }

    /** Takes up to {@code wanted} points; how many it took. */
    long take(long wanted, Instant now) {
        long taken = Math.min(wanted, remaining);
        remaining -= taken;
        touch(now);
        return taken;
    }

    UUID memberId() { return memberId; }
    @Nullable UUID entryId() { return entryId; }
    long points() { return points; }
    long remaining() { return remaining; }
    Instant earnedAt() { return earnedAt; }
    @Nullable LocalDate expiresOn() { return expiresOn; }
    @Nullable Instant expiresAt() { return expiresAt; }
}
