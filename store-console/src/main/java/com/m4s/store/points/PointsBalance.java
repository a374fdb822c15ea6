package com.m4s.store.points;

import com.m4s.platform.audit.Derived;
import com.m4s.platform.entity.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A member's points: the sums of their entries, kept in each posting's transaction under this row's lock (its id is
 * the member's id). The database refuses a negative available balance.
 */
@Derived
@Entity
@Table(name = "points_balance")
class PointsBalance extends TimestampedEntity {

    @Id
    private UUID id;
    private long available;
    private long pending;
    @Column(name = "lifetime_earned")
    private long lifetimeEarned;
    private long debt;

    protected PointsBalance() {
        // for JPA, which sets every field right after
        this.id = new UUID(0, 0);
    }

    PointsBalance(UUID memberId, Instant now) {
        super(now);
        this.id = memberId;
    }

    void apply(Points.Deltas deltas, Instant now) {
        available += deltas.available();
        pending += deltas.pending();
        debt += deltas.debt();
        lifetimeEarned += deltas.earned();
        touch(now);
    }

    UUID memberId() { return id; }
    long available() { return available; }
    long pending() { return pending; }
    long lifetimeEarned() { return lifetimeEarned; }
    long debt() { return debt; }
}
