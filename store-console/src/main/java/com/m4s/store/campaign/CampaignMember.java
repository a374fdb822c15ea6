package com.m4s.store.campaign;

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
 * One member chosen for a campaign, how they were chosen, and what the grant did for them (nothing yet: no outcome).
 * The seam for segments: a segment adds rows chosen by {@link CampaignChosenBy#SEGMENT}, the grant reads only the rows.
 */
@Entity
@Table(name = "point_campaign_member")
class CampaignMember extends BaseEntity {

    /** How a member came into the campaign. */
    enum CampaignChosenBy {
        HAND, FILE, SEGMENT
    }

    /** What the grant did. */
    enum CampaignOutcome {
        GRANTED, SKIPPED
    }

    /** Why a member got nothing. */
    enum CampaignSkipReason {
        /** The member was deleted after being chosen. */
        MEMBER_GONE
    }

    @Column(name = "campaign_id")
    private UUID campaignId;
    @Column(name = "member_id")
    private UUID memberId;
    @Enumerated(EnumType.STRING)
    @Column(name = "chosen_by")
    private CampaignChosenBy chosenBy;
    @Enumerated(EnumType.STRING)
    private @Nullable CampaignOutcome outcome;
    @Enumerated(EnumType.STRING)
    @Column(name = "skip_reason")
    private @Nullable CampaignSkipReason skipReason;
    @Column(name = "entry_id")
    private @Nullable UUID entryId;
    /** The segment that chose the member ({@link CampaignChosenBy#SEGMENT}), else null. */
    @Column(name = "segment_id")
    private @Nullable UUID segmentId;

    protected CampaignMember() {
        this.campaignId = new UUID(0, 0);
        this.memberId = new UUID(0, 0);
        this.chosenBy = CampaignChosenBy.HAND;
    }

    CampaignMember(UUID campaignId, UUID memberId, CampaignChosenBy chosenBy, Instant now) {
        super(now);
        this.campaignId = campaignId;
        this.memberId = memberId;
        this.chosenBy = chosenBy;
    }

    CampaignMember(UUID campaignId, UUID memberId, UUID segmentId, Instant now) {
        this(campaignId, memberId, CampaignChosenBy.SEGMENT, now);
        this.segmentId = segmentId;
    }

    void granted(@Nullable UUID entry, Instant now) {
        this.outcome = CampaignOutcome.GRANTED;
        this.entryId = entry;
        touch(now);
    }

    void skipped(CampaignSkipReason reason, Instant now) {
        this.outcome = CampaignOutcome.SKIPPED;
        this.skipReason = reason;
        touch(now);
    }

    UUID campaignId() { return campaignId; }
    UUID memberId() { return memberId; }
    CampaignChosenBy chosenBy() { return chosenBy; }
    @Nullable CampaignOutcome outcome() { return outcome; }
}
