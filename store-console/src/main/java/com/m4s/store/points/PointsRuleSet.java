package com.m4s.store.points;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One version of the store's dual points rules (PTS-4/5): points per yuan for each account type, rounded down per
 * line, in force for orders settled from {@code validFrom} until the next version; how many days after settlement
 * an order's points become available (the refund window). A version never changes: a change is a new version.
 */
@Entity
@Immutable
@Table(name = "points_rule_set")
class PointsRuleSet extends BaseEntity {

    @Column(name = "rule_version")
    private int ruleVersion;
    @Column(name = "customer_rate")
    private BigDecimal customerRate;
    @Column(name = "warranty_rate")
    private BigDecimal warrantyRate;
    @Column(name = "internal_rate")
    private BigDecimal internalRate;
    @Column(name = "insurance_rate")
    private BigDecimal insuranceRate;
    @Column(name = "activation_delay_days")
    private int activationDelayDays;
    @Column(name = "valid_from")
    private Instant validFrom;
    @Column(name = "created_by")
    private String createdBy;

    protected PointsRuleSet() {
        // for JPA, which sets every field right after
        this.customerRate = BigDecimal.ZERO;
        this.warrantyRate = BigDecimal.ZERO;
        this.internalRate = BigDecimal.ZERO;
        this.insuranceRate = BigDecimal.ZERO;
        this.validFrom = Instant.EPOCH;
        this.createdBy = "";
    }

    PointsRuleSet(int ruleVersion, PointsRules.Rates rates, int activationDelayDays, Instant validFrom,
            String createdBy, Instant now) {
        super(now);
        this.ruleVersion = ruleVersion;
        this.customerRate = rates.customer();
        this.warrantyRate = rates.warranty();
        this.internalRate = rates.internal();
        this.insuranceRate = rates.insurance();
        this.activationDelayDays = activationDelayDays;
        this.validFrom = validFrom;
        this.createdBy = createdBy;
    }

    int ruleVersion() { return ruleVersion; }
    PointsRules.Rates rates() {
        return new PointsRules.Rates(customerRate, warrantyRate, internalRate, insuranceRate);
    }
    int activationDelayDays() { return activationDelayDays; }
    Instant validFrom() { return validFrom; }
    String createdBy() { return createdBy; }
}
