package com.m4s.store.stockalert;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** The store's slow-moving rule; one row, made by the migration (on, after 90 days without a sale). */
@Entity
@Table(name = "stock_alert_setting")
class StockAlertSetting extends BaseEntity {

    @Column(name = "slow_moving_enabled")
    private boolean slowMovingEnabled;
    @Column(name = "slow_moving_days")
    private int slowMovingDays;

    protected StockAlertSetting() {
        // for JPA, which sets every field right after
    }

    void change(boolean enabled, int days, Instant now) {
        this.slowMovingEnabled = enabled;
        this.slowMovingDays = days;
        touch(now);
    }

    boolean slowMovingEnabled() { return slowMovingEnabled; }

    int slowMovingDays() { return slowMovingDays; }
}
