package com.m4s.store.advisor;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An owner's rating of the advisor of one settled repair order: one per order (the database's unique key). */
@Entity
@Table(name = "advisor_rating")
class AdvisorRating extends BaseEntity {

    @Column(name = "repair_order_id", updatable = false)
    private UUID repairOrderId;
    @Column(name = "member_id", updatable = false)
    private UUID memberId;
    @Column(updatable = false)
    private String advisor;
    @Column(updatable = false)
    private int stars;
    @Column(updatable = false)
    private @Nullable String comment;

    protected AdvisorRating() {
        this.repairOrderId = new UUID(0, 0);
        this.memberId = new UUID(0, 0);
        this.advisor = "";
    }

    AdvisorRating(UUID repairOrderId, UUID memberId, String advisor, int stars, @Nullable String comment,
            Instant now) {
        super(now);
        this.repairOrderId = repairOrderId;
        this.memberId = memberId;
        this.advisor = advisor;
        this.stars = stars;
        this.comment = comment == null || comment.isBlank() ? null : comment.strip();
    }

    UUID repairOrderId() {
        return repairOrderId;
    }

    UUID memberId() {
        return memberId;
    }

    String advisor() {
        return advisor;
    }

    int stars() {
        return stars;
    }

    @Nullable String comment() {
        return comment;
    }
}
