package com.m4s.store.payment;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** The store's payment rules; one row, made by the migration (points accepted, at most half of what is left). */
@Entity
@Table(name = "payment_setting")
class PaymentSetting extends BaseEntity {

    @Column(name = "points_accepted")
    private boolean pointsAccepted;
    @Column(name = "points_max_percent")
    private int pointsMaxPercent;

    protected PaymentSetting() {
        // for JPA, which sets every field right after
    }

    void change(boolean accepted, int maxPercent, Instant now) {
        this.pointsAccepted = accepted;
        this.pointsMaxPercent = maxPercent;
        touch(now);
    }

    boolean pointsAccepted() { return pointsAccepted; }
    int pointsMaxPercent() { return pointsMaxPercent; }
}
