package com.m4s.admin.billing;

import com.m4s.platform.entity.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A plan of the catalogue: a monthly price per store, in fen. */
@Entity
@Table(name = "billing_plan")
class BillingPlan extends TimestampedEntity {

    @Id
    private String code;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "name_en")
    private String nameEn;
    @Column(name = "monthly_fen_per_store")
    private long monthlyFenPerStore;
    private String currency;
    @Column(name = "stripe_price_id")
    private @Nullable String stripePriceId;
    private int rank;
    private boolean active;

    protected BillingPlan() {
        this.code = "";
        this.nameZh = "";
        this.nameEn = "";
        this.currency = "cny";
    }

    String code() {
        return code;
    }

    long monthlyFenPerStore() {
        return monthlyFenPerStore;
    }

    String currency() {
        return currency;
    }

    boolean active() {
        return active;
    }

    /** The Stripe lookup key of the plan's price. */
    String lookupKey() {
        return "m4s-plan-" + code;
    }

    @Nullable String stripePriceId() {
        return stripePriceId;
    }

    void priceFound(String priceId, Instant now) {
        this.stripePriceId = priceId;
        touch(now);
    }

    GroupBilling.PlanView view() {
        return new GroupBilling.PlanView(code, nameZh, nameEn, monthlyFenPerStore, currency, rank);
    }

    String name() {
        return nameEn + " / " + nameZh;
    }
}
