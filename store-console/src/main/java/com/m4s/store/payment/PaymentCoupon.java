package com.m4s.store.payment;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A coupon a payment used and what it took off; never changed (a trigger refuses it). */
@Entity
@Immutable
@Table(name = "payment_coupon")
class PaymentCoupon extends BaseEntity {

    @Column(name = "payment_id")
    private UUID paymentId;
    @Column(name = "member_coupon_id")
    private UUID memberCouponId;
    @Column(name = "template_id")
    private UUID templateId;
    private String name;
    @Column(name = "discount_fen")
    private long discountFen;

    protected PaymentCoupon() {
        // for JPA, which sets every field right after
        this.paymentId = new UUID(0, 0);
        this.memberCouponId = new UUID(0, 0);
        this.templateId = new UUID(0, 0);
        this.name = "";
    }

    PaymentCoupon(UUID paymentId, UUID memberCouponId, UUID templateId, String name, long discountFen, Instant now) {
        super(now);
        this.paymentId = paymentId;
        this.memberCouponId = memberCouponId;
        this.templateId = templateId;
        this.name = name;
        this.discountFen = discountFen;
    }

    UUID paymentId() { return paymentId; }
    UUID memberCouponId() { return memberCouponId; }
    String name() { return name; }
    long discountFen() { return discountFen; }
}
