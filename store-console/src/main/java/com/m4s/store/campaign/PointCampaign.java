package com.m4s.store.campaign;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A manual point campaign: the same points for each of its members, granted once a manager other than the author
 * approved it. Its members are {@link CampaignMember} rows; what it granted is in the ledger.
 */
@Entity
@Table(name = "point_campaign")
class PointCampaign extends BaseEntity {

    private String name;
    private String reason;
    @Column(name = "points_per_member")
    private long pointsPerMember;
    @Enumerated(EnumType.STRING)
    private PointCampaignStatus status;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_by_subject")
    private String createdBySubject;
    @Column(name = "submitted_at")
    private @Nullable Instant submittedAt;
    @Column(name = "reviewed_by")
    private @Nullable String reviewedBy;
    @Column(name = "reviewed_at")
    private @Nullable Instant reviewedAt;
    @Column(name = "review_note")
    private @Nullable String reviewNote;
    @Column(name = "grant_started_at")
    private @Nullable Instant grantStartedAt;
    @Column(name = "grant_finished_at")
    private @Nullable Instant grantFinishedAt;

    protected PointCampaign() {
        this.name = "";
        this.reason = "";
        this.status = PointCampaignStatus.DRAFT;
        this.createdBy = "";
        this.createdBySubject = "";
    }

    PointCampaign(PointCampaignRequests.PointCampaignChange change, String createdBy, String createdBySubject, Instant now) {
        super(now);
        this.name = change.name().strip();
        this.reason = change.reason().strip();
        this.pointsPerMember = change.pointsPerMember();
        this.status = PointCampaignStatus.DRAFT;
        this.createdBy = createdBy;
        this.createdBySubject = createdBySubject;
    }

    /** A draft's or rejected campaign's new content; a rejected one becomes a draft again (the note stays). */
    void change(PointCampaignRequests.PointCampaignChange change, Instant now) {
        this.name = change.name().strip();
        this.reason = change.reason().strip();
        this.pointsPerMember = change.pointsPerMember();
        this.status = PointCampaignStatus.DRAFT;
        touch(now);
    }

    /** Its members changed: a new version, so a review made on what it was before is refused (If-Match). */
    void membersChanged(Instant now) {
        this.status = PointCampaignStatus.DRAFT;
        touch(now);
    }

    void submit(Instant now) {
        this.status = PointCampaignStatus.SUBMITTED;
        this.submittedAt = now;
        touch(now);
    }

    void review(boolean approved, String reviewer, @Nullable String note, Instant now) {
        this.status = approved ? PointCampaignStatus.APPROVED : PointCampaignStatus.REJECTED;
        this.reviewedBy = reviewer;
        this.reviewedAt = now;
        this.reviewNote = note == null || note.isBlank() ? null : note.strip();
        touch(now);
    }

    void start(Instant now) {
        this.status = PointCampaignStatus.GRANTING;
        this.grantStartedAt = now;
        touch(now);
    }

    void finish(Instant now) {
        this.status = PointCampaignStatus.DONE;
        this.grantFinishedAt = now;
        touch(now);
    }

    String name() { return name; }
    String reason() { return reason; }
    long pointsPerMember() { return pointsPerMember; }
    PointCampaignStatus status() { return status; }
    String createdBy() { return createdBy; }
    String createdBySubject() { return createdBySubject; }
    @Nullable Instant submittedAt() { return submittedAt; }
    @Nullable String reviewedBy() { return reviewedBy; }
    @Nullable Instant reviewedAt() { return reviewedAt; }
    @Nullable String reviewNote() { return reviewNote; }
    @Nullable Instant grantStartedAt() { return grantStartedAt; }
    @Nullable Instant grantFinishedAt() { return grantFinishedAt; }
}
