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
 * One member chosen for a distribution, how they were chosen, and what the job did for them: nothing yet (no
 * outcome), GIVEN with the redemption, or SKIPPED with why. Unique per distribution and member.
 */
@Entity
@Table(name = "gift_distribution_member")
class GiftDistributionMember extends BaseEntity {

    /** How a member came into the distribution. */
    enum DistributionChosenBy {
        HAND, FILE, SEGMENT
    }

    /** What the job did. */
    enum DistributionOutcome {
        GIVEN, SKIPPED
    }

    /** Why a member got nothing. */
    enum DistributionSkipReason {
        /** The gift's stock did not cover the member's quantity when their turn came. */
        OUT_OF_STOCK,
        /** The member holds as many of the gift as its member limit allows. */
        MEMBER_LIMIT,
        /** The member was deleted after being chosen. */
        MEMBER_GONE
    }

    @Column(name = "distribution_id")
    private UUID distributionId;
    @Column(name = "member_id")
    private UUID memberId;
    @Enumerated(EnumType.STRING)
    @Column(name = "chosen_by")
    private DistributionChosenBy chosenBy;
    @Column(name = "segment_id")
    private @Nullable UUID segmentId;
    @Enumerated(EnumType.STRING)
    private @Nullable DistributionOutcome outcome;
    @Enumerated(EnumType.STRING)
    @Column(name = "skip_reason")
    private @Nullable DistributionSkipReason skipReason;
    @Column(name = "redemption_id")
    private @Nullable UUID redemptionId;

    protected GiftDistributionMember() {
        // for JPA, which sets every field right after
        this.distributionId = new UUID(0, 0);
        this.memberId = new UUID(0, 0);
        this.chosenBy = DistributionChosenBy.HAND;
    }

    GiftDistributionMember(UUID distributionId, UUID memberId, DistributionChosenBy chosenBy,
            @Nullable UUID segmentId, Instant now) {
        super(now);
        this.distributionId = distributionId;
        this.memberId = memberId;
        this.chosenBy = chosenBy;
        this.segmentId = segmentId;
    }

    void given(UUID redemption, Instant now) {
        this.outcome = DistributionOutcome.GIVEN;
        this.redemptionId = redemption;
        touch(now);
    }

    void skipped(DistributionSkipReason reason, Instant now) {
        this.outcome = DistributionOutcome.SKIPPED;
        this.skipReason = reason;
        touch(now);
    }

    UUID distributionId() { return distributionId; }
    UUID memberId() { return memberId; }
    @Nullable DistributionOutcome outcome() { return outcome; }
}
