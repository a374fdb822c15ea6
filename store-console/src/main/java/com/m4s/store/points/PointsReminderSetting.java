package com.m4s.store.points;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A member's choice about points reminders (PTS-6: "consent respected"): without a row the member is reminded, as
 * the store's terms say; a row records the owner's own choice, changed by the owner alone.
 */
@Entity
@Table(name = "points_reminder_setting")
class PointsReminderSetting extends BaseEntity {

    @Column(name = "member_id")
    private UUID memberId;
    @Column(name = "expiry_reminders")
    private boolean expiryReminders;

    protected PointsReminderSetting() {
        // for JPA, which sets every field right after
        this.memberId = new UUID(0, 0);
    }

    PointsReminderSetting(UUID memberId, boolean expiryReminders, Instant now) {
        super(now);
        this.memberId = memberId;
        this.expiryReminders = expiryReminders;
    }

    boolean expiryReminders() {
        return expiryReminders;
    }

    void expiryReminders(boolean on, Instant now) {
        this.expiryReminders = on;
        touch(now);
    }
}
