package com.m4s.store.advisor;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** News a manager posted to advisors; its recipients and their receipts are {@link AdvisorAnnouncementReceipt}s. */
@Entity
@Table(name = "advisor_announcement")
class AdvisorAnnouncement extends BaseEntity {

    /** Who it is for: every advisor of the directory when it was posted, or the chosen ones. */
    enum Audience { ALL, CHOSEN }

    @Column(updatable = false)
    private String title;
    @Column(updatable = false)
    private String body;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Audience audience;
    @Column(name = "posted_by", updatable = false)
    private String postedBy;
    @Column(name = "posted_at", updatable = false)
    private Instant postedAt;

    protected AdvisorAnnouncement() {
        this.title = "";
        this.body = "";
        this.audience = Audience.ALL;
        this.postedBy = "";
        this.postedAt = Instant.EPOCH;
    }

    AdvisorAnnouncement(String title, String body, Audience audience, String postedBy, Instant now) {
        super(now);
        this.title = title.strip();
        this.body = body.strip();
        this.audience = audience;
        this.postedBy = postedBy;
        this.postedAt = now;
    }

    String title() {
        return title;
    }

    String body() {
        return body;
    }

    Audience audience() {
        return audience;
    }

    String postedBy() {
        return postedBy;
    }

    Instant postedAt() {
        return postedAt;
    }
}
