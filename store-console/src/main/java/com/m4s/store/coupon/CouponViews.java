package com.m4s.store.coupon;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the coupon API answers; amounts in fen, dates in the store's calendar. */
public final class CouponViews {

    /**
     * A template with its stock: {@code handedOut} coupons issued or claimed, {@code remaining} of the stock (null:
     * unlimited), {@code used} of them used now; the moves its status allows.
     */
    public record CouponTemplateView(UUID id, String name, @Nullable String description, CouponKind kind, CouponScope scope,
            List<String> scopeCodes, long valueFen, long thresholdFen, int percentOff, @Nullable Long capFen,
            int pointsMultiplier, @Nullable String stackGroup, @Nullable LocalDate validFrom,
            @Nullable LocalDate validUntil, @Nullable Integer validDays, int perMemberLimit,
            @Nullable Integer totalLimit, int handedOut, @Nullable Integer remaining, long used, boolean claimable,
            CouponTemplateStatus status, Set<CouponTemplateStatus.Move> moves, String createdBy, Instant createdAt,
            Instant updatedAt, long version) {
    }

    /** A coupon a member holds, with its template's rules (as the member reads them) and, when used, its payment. */
    public record MemberCouponView(UUID id, UUID templateId, UUID memberId, String name, @Nullable String description,
            CouponKind kind, CouponScope scope, List<String> scopeCodes, long valueFen, long thresholdFen,
            int percentOff, @Nullable Long capFen, int pointsMultiplier, @Nullable String stackGroup,
            MemberCouponState state, CouponObtained obtained, String obtainedBy, LocalDate validFrom,
            LocalDate validUntil, Instant obtainedAt, @Nullable Instant usedAt, @Nullable UUID paymentId,
            @Nullable Long discountFen, @Nullable Long orderFen, @Nullable Instant expiredAt) {
    }

    /**
     * What an issue did: the batch (the same Idempotency-Key gives the same batch), the members it aimed at, those
     * issued a coupon now, those who had one of this batch already, those over the per-member limit, those left
     * without because the stock ran out.
     */
    public record CouponIssueResult(UUID batchId, int targeted, int issued, int alreadyIssued, int overLimit,
            int outOfStock, CouponTemplateView template) {
    }

    /** A template in the owner's claim centre: what is left of its stock and whether this owner may claim one now. */
    public record CouponCentreItem(UUID templateId, String name, @Nullable String description, CouponKind kind,
            CouponScope scope, List<String> scopeCodes, long valueFen, long thresholdFen, int percentOff,
            @Nullable Long capFen, int pointsMultiplier, @Nullable String stackGroup, @Nullable LocalDate validFrom,
            @Nullable LocalDate validUntil, @Nullable Integer validDays, int perMemberLimit, @Nullable Integer remaining,
            int held, boolean canClaim) {
    }

    /**
     * A template's figures: coupons issued and claimed, used, expired and available now; the discount they gave and
     * the total of the orders they were used on; and per store day the coupons claimed, issued and used.
     */
    public record CouponStatisticsView(UUID templateId, long issued, long claimed, long used, long expired, long available,
            long discountFen, long orderFen, List<CouponDay> days) {
    }

    /** One store day of a template's series. */
    public record CouponDay(LocalDate day, long claimed, long issued, long used) {
    }

    private CouponViews() {
    }
}
