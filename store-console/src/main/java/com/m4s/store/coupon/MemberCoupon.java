package com.m4s.store.coupon;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One coupon a member holds (one use): its dates copied from the template when handed out; when used, the payment,
 * the discount it gave and the order's total. Only {@link Coupons} moves it.
 */
@Entity
@Table(name = "member_coupon")
class MemberCoupon extends BaseEntity {

    @Column(name = "template_id", updatable = false)
    private UUID templateId;
    @Column(name = "member_id", updatable = false)
    private UUID memberId;
    @Enumerated(EnumType.STRING)
    private MemberCouponState state;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private CouponObtained obtained;
    @Column(name = "obtained_by", updatable = false)
    private String obtainedBy;
    @Column(name = "issue_batch", updatable = false)
    private @Nullable UUID issueBatch;
    @Column(name = "claim_key", updatable = false)
    private @Nullable String claimKey;
    @Column(name = "valid_from", updatable = false)
    private LocalDate validFrom;
    @Column(name = "valid_until", updatable = false)
    private LocalDate validUntil;
    @Column(name = "used_at")
    private @Nullable Instant usedAt;
    @Column(name = "used_by")
    private @Nullable String usedBy;
    @Column(name = "payment_id")
    private @Nullable UUID paymentId;
    @Column(name = "discount_fen")
    private @Nullable Long discountFen;
    @Column(name = "order_fen")
    private @Nullable Long orderFen;
    @Column(name = "expired_at")
    private @Nullable Instant expiredAt;

    protected MemberCoupon() {
        this.templateId = new UUID(0, 0);
        this.memberId = new UUID(0, 0);
        this.state = MemberCouponState.AVAILABLE;
        this.obtained = CouponObtained.ISSUED;
        this.obtainedBy = "";
        this.validFrom = LocalDate.EPOCH;
        this.validUntil = LocalDate.EPOCH;
    }

    MemberCoupon(UUID templateId, UUID memberId, CouponObtained obtained, String obtainedBy, @Nullable UUID issueBatch,
            @Nullable String claimKey, LocalDate validFrom, LocalDate validUntil, Instant now) {
        super(now);
        this.templateId = templateId;
        this.memberId = memberId;
        this.state = MemberCouponState.AVAILABLE;
        this.obtained = obtained;
        this.obtainedBy = obtainedBy;
        this.issueBatch = issueBatch;
        this.claimKey = claimKey;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
    }

    void use(UUID payment, long discount, long order, String actor, Instant now) {
        this.state = MemberCouponState.USED;
        this.paymentId = payment;
        this.discountFen = discount;
        this.orderFen = order;
        this.usedAt = now;
        this.usedBy = actor;
        touch(now);
    }

    /** Back from its payment: AVAILABLE again, or EXPIRED when its last day has passed. */
    void restore(boolean stillValid, Instant now) {
        this.paymentId = null;
        this.discountFen = null;
        this.orderFen = null;
        this.usedAt = null;
        this.usedBy = null;
        if (stillValid) {
            this.state = MemberCouponState.AVAILABLE;
        } else {
            expire(now);
        }
        touch(now);
    }

    void expire(Instant now) {
        this.state = MemberCouponState.EXPIRED;
        this.expiredAt = now;
        touch(now);
    }

    UUID templateId() { return templateId; }
    UUID memberId() { return memberId; }
    MemberCouponState state() { return state; }
    CouponObtained obtained() { return obtained; }
    @Nullable UUID issueBatch() { return issueBatch; }
    @Nullable String claimKey() { return claimKey; }
    LocalDate validFrom() { return validFrom; }
    LocalDate validUntil() { return validUntil; }
    @Nullable UUID paymentId() { return paymentId; }
    @Nullable Long discountFen() { return discountFen; }
    @Nullable Long orderFen() { return orderFen; }
}
