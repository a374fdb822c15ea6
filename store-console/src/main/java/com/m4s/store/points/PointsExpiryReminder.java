package com.m4s.store.points;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** A member was reminded of points expiring on a day (once per member and day; the message's id, if sent). */
@Entity
@Immutable
@Table(name = "points_expiry_reminder")
class PointsExpiryReminder extends BaseEntity {

    @Column(name = "member_id")
    private UUID memberId;
    @Column(name = "expires_on")
    private LocalDate expiresOn;
    private long points;
    @Column(name = "notification_id")
    private @Nullable UUID notificationId;

    protected PointsExpiryReminder() {
        // for JPA, which sets every field right after
        this.memberId = new UUID(0, 0);
        this.expiresOn = LocalDate.EPOCH;
    }

    PointsExpiryReminder(UUID memberId, LocalDate expiresOn, long points, @Nullable UUID notificationId,
            Instant now) {
        super(now);
        this.memberId = memberId;
        this.expiresOn = expiresOn;
        this.points = points;
        this.notificationId = notificationId;
    }
}
