package com.m4s.store.transfer;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** The store's transfer limits; one row, made by the migration (on, 10 minimum, 5,000 out a day). */
@Entity
@Table(name = "point_transfer_policy")
class PointTransferPolicy extends BaseEntity {

    private boolean enabled;
    @Column(name = "min_points")
    private long minPoints;
    @Column(name = "daily_max_out")
    private long dailyMaxOut;

    protected PointTransferPolicy() {
        // for JPA, which sets every field right after
    }

    void change(boolean enabled, long minPoints, long dailyMaxOut, Instant now) {
        this.enabled = enabled;
        this.minPoints = minPoints;
        this.dailyMaxOut = dailyMaxOut;
        touch(now);
    }

    boolean enabled() { return enabled; }
    long minPoints() { return minPoints; }
    long dailyMaxOut() { return dailyMaxOut; }
}
