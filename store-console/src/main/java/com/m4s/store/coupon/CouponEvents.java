package com.m4s.store.coupon;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The coupons' domain events, all on topic {@value #TOPIC}; ids and fen only, no names or phones. */
public final class CouponEvents {

    public static final String TOPIC = "m4s.coupon";

    /** Event types, past tense. */
    public enum Type {
        CouponTemplateCreated, CouponTemplateChanged, CouponTemplateActivated, CouponTemplateEnded,
        /** A batch issued (one event per batch, with how many coupons it made). */
        CouponIssued,
        CouponClaimed, CouponUsed, CouponRestored, CouponExpired
    }

    /** A template after a step. */
    public record CouponTemplateChanged(UUID templateId, String store, @Nullable String group, long version,
            CouponKind kind, CouponTemplateStatus status, @Nullable Integer totalLimit, int handedOut) {
    }

    /** An issue batch: the coupons it made now (a repeat of the batch makes none and publishes nothing). */
    public record CouponBatchIssued(UUID templateId, UUID batchId, String store, @Nullable String group,
            @Nullable UUID segmentId, int issued, int overLimit, int outOfStock) {
    }

    /** One coupon after a step: claimed, used (with its payment), restored, expired. */
    public record CouponMoved(UUID memberCouponId, UUID templateId, UUID memberId, String store,
            @Nullable String group, MemberCouponState state, @Nullable UUID paymentId, @Nullable Long discountFen,
            @Nullable Long orderFen) {
    }

    private CouponEvents() {
    }
}
