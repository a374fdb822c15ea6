package com.m4s.store.coupon;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A coupon's rules and stock (decision 0044); the coupons members hold are {@link MemberCoupon} rows. The table's
 * checks refuse rules a kind cannot have; {@code handedOut} counts every coupon issued or claimed, raised under this
 * row's lock and never above the stock.
 */
@Entity
@Table(name = "coupon_template")
class CouponTemplate extends BaseEntity {

    private String name;
    private @Nullable String description;
    @Enumerated(EnumType.STRING)
    private CouponKind kind;
    @Enumerated(EnumType.STRING)
    private CouponScope scope;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "scope_codes", columnDefinition = "text[]")
    private List<String> scopeCodes = new ArrayList<>();
    @Column(name = "value_fen")
    private long valueFen;
    @Column(name = "threshold_fen")
    private long thresholdFen;
    @Column(name = "percent_off")
    private int percentOff;
    @Column(name = "cap_fen")
    private @Nullable Long capFen;
    @Column(name = "points_multiplier")
    private int pointsMultiplier;
    @Column(name = "stack_group")
    private @Nullable String stackGroup;
    @Column(name = "valid_from")
    private @Nullable LocalDate validFrom;
    @Column(name = "valid_until")
    private @Nullable LocalDate validUntil;
    @Column(name = "valid_days")
    private @Nullable Integer validDays;
    @Column(name = "per_member_limit")
    private int perMemberLimit;
    @Column(name = "total_limit")
    private @Nullable Integer totalLimit;
    @Column(name = "handed_out")
    private int handedOut;
    private boolean claimable;
    @Enumerated(EnumType.STRING)
    private CouponTemplateStatus status;
    @Column(name = "created_by", updatable = false)
    private String createdBy;

    protected CouponTemplate() {
        this.name = "";
        this.kind = CouponKind.CASH;
        this.scope = CouponScope.ORDER;
        this.status = CouponTemplateStatus.DRAFT;
        this.createdBy = "";
    }

    CouponTemplate(CouponRequests.CouponTemplateChange change, String createdBy, Instant now) {
        super(now);
        this.status = CouponTemplateStatus.DRAFT;
        this.createdBy = createdBy;
        this.kind = change.kind();
        this.scope = change.scope();
        this.name = "";
        rules(change);
    }

    /** A draft's new rules. */
    void change(CouponRequests.CouponTemplateChange change, Instant now) {
        rules(change);
        touch(now);
    }

    /** An active template's new name, description and stock (not below what it was: the caller checked). */
    void changeText(String name, @Nullable String description, @Nullable Integer totalLimit, Instant now) {
        this.name = name;
        this.description = description;
        this.totalLimit = totalLimit;
        touch(now);
    }

    private void rules(CouponRequests.CouponTemplateChange c) {
        this.name = c.name().strip();
        this.description = c.description() == null || c.description().isBlank() ? null : c.description().strip();
        this.kind = c.kind();
        this.scope = c.scope();
        this.scopeCodes = new ArrayList<>(c.codes());
        this.valueFen = c.valueFen();
        this.thresholdFen = c.thresholdFen();
        this.percentOff = c.percentOff();
        this.capFen = c.capFen();
        this.pointsMultiplier = c.kind() == CouponKind.POINTS_MULTIPLIER ? c.pointsMultiplier() : 1;
        this.stackGroup = c.stackGroup() == null || c.stackGroup().isBlank() ? null : c.stackGroup().strip();
        this.validFrom = c.validDays() == null ? c.validFrom() : null;
        this.validUntil = c.validDays() == null ? c.validUntil() : null;
        this.validDays = c.validDays();
        this.perMemberLimit = c.perMemberLimit();
        this.totalLimit = c.totalLimit();
        this.claimable = c.claimable();
    }

    void activate(Instant now) {
        this.status = CouponTemplateStatus.ACTIVE;
        touch(now);
    }

    void end(Instant now) {
        this.status = CouponTemplateStatus.ENDED;
        touch(now);
    }

    /** One more coupon handed out (the caller holds the row's lock and checked the stock). */
    void handOut(Instant now) {
        this.handedOut++;
        touch(now);
    }

    /** Whether stock is left. */
    boolean inStock() {
        return totalLimit == null || handedOut < totalLimit;
    }

    /** The dates a coupon handed out on {@code day} is valid: the fixed ones, or validDays from that day. */
    LocalDate[] datesFor(LocalDate day) {
        if (validDays != null) {
            return new LocalDate[] {day, day.plusDays(validDays - 1L)};
        }
        return new LocalDate[] {java.util.Objects.requireNonNull(validFrom),
                java.util.Objects.requireNonNull(validUntil)};
    }

    /** Whether a coupon handed out on {@code day} could still be used (fixed dates not over). */
    boolean handOutUseful(LocalDate day) {
        return validUntil == null || !validUntil.isBefore(day);
    }

    String name() { return name; }
    @Nullable String description() { return description; }
    CouponKind kind() { return kind; }
    CouponScope scope() { return scope; }
    List<String> scopeCodes() { return List.copyOf(scopeCodes); }
    long valueFen() { return valueFen; }
    long thresholdFen() { return thresholdFen; }
    int percentOff() { return percentOff; }
    @Nullable Long capFen() { return capFen; }
    int pointsMultiplier() { return pointsMultiplier; }
    @Nullable String stackGroup() { return stackGroup; }
    @Nullable LocalDate validFrom() { return validFrom; }
    @Nullable LocalDate validUntil() { return validUntil; }
    @Nullable Integer validDays() { return validDays; }
    int perMemberLimit() { return perMemberLimit; }
    @Nullable Integer totalLimit() { return totalLimit; }
    int handedOut() { return handedOut; }
    boolean claimable() { return claimable; }
    CouponTemplateStatus status() { return status; }
}
