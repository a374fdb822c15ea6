package com.m4s.store.advisor;

import com.m4s.platform.entity.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A member's advisor: one row per member (its id is the member's), so a member has one advisor at a time. A move
 * changes the row, which the audit trail records as one entry per member.
 */
@Entity
@Table(name = "advisor_customer")
class AdvisorBinding extends TimestampedEntity {

    @Id
    private UUID id;
    private String advisor;
    @Column(name = "bound_at")
    private Instant boundAt;
    @Column(name = "bound_by")
    private String boundBy;

    protected AdvisorBinding() {
        this.id = new UUID(0, 0);
        this.advisor = "";
        this.boundAt = Instant.EPOCH;
        this.boundBy = "";
    }

    AdvisorBinding(UUID memberId, String advisor, String by, Instant now) {
        super(now);
        this.id = memberId;
        this.advisor = advisor;
        this.boundAt = now;
        this.boundBy = by;
    }

    /** Gives the member to another advisor; false when it is theirs already. */
    boolean moveTo(String advisor, String by, Instant now) {
        if (this.advisor.equals(advisor)) {
            return false;
        }
        this.advisor = advisor;
        this.boundAt = now;
        this.boundBy = by;
        touch(now);
        return true;
    }

    UUID memberId() {
        return id;
    }

    String advisor() {
        return advisor;
    }

    Instant boundAt() {
        return boundAt;
    }
}
