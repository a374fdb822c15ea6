package com.m4s.store.advisor;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One advisor an announcement went to; {@code readAt} is their read receipt, set the first time they open it. */
@Entity
@Table(name = "advisor_announcement_receipt")
class AdvisorAnnouncementReceipt extends BaseEntity {

    @Column(name = "announcement_id", updatable = false)
    private UUID announcementId;
    @Column(updatable = false)
    private String advisor;
    @Column(name = "read_at")
    private @Nullable Instant readAt;

    protected AdvisorAnnouncementReceipt() {
        this.announcementId = new UUID(0, 0);
        this.advisor = "";
    }

    AdvisorAnnouncementReceipt(UUID announcementId, String advisor, Instant now) {
        super(now);
        this.announcementId = announcementId;
        this.advisor = advisor;
    }

    /** Marks it read; false when it was read before (the first time stays the receipt). */
    boolean read(Instant now) {
        if (readAt != null) {
            return false;
        }
        readAt = now;
        touch(now);
        return true;
    }

    UUID announcementId() {
        return announcementId;
    }

    String advisor() {
        return advisor;
    }

    @Nullable Instant readAt() {
        return readAt;
    }
}
