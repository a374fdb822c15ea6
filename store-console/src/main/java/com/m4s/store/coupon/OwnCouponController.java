package com.m4s.store.coupon;

import com.m4s.platform.idempotency.OneTransaction;
import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The owner's own coupons (我的优惠券) and the claim centre (领券中心), WAL-2. */
@RestController
@Validated
@RequestMapping("/api/stores/{store}/me")
@Allow(Permission.OWN_COUPON_VIEW)
@Tag(name = "my-coupons", description = "An owner's coupons and the claim centre (WAL-2); amounts in fen")
class OwnCouponController {

    private final Coupons coupons;

    OwnCouponController(Coupons coupons) {
        this.coupons = coupons;
    }

    @GetMapping("/coupons")
    @Operation(summary = "My coupons in a state (none: all): usable ones soonest to end first")
    List<CouponViews.MemberCouponView> myCoupons(@PathVariable String store,
            @RequestParam(required = false) @Nullable MemberCouponState state) {
        return coupons.memberCoupons(member(), state == null ? null : List.of(state));
    }

    @GetMapping("/coupon-centre")
    @Operation(summary = "The claim centre: claimable templates with what is left of their stock, how many I hold"
            + " and whether I may claim one now")
    List<CouponViews.CouponCentreItem> couponCentre(@PathVariable String store) {
        return coupons.centre(member());
    }

    @Allow(Permission.OWN_COUPON_CLAIM)
    @OneTransaction
    @PostMapping("/coupon-centre/{templateId}/claims")
    @Operation(summary = "Claim a coupon; send an Idempotency-Key (a repeat answers the first coupon)",
            description = "409 coupon-not-claimable, coupon-limit-reached, coupon-out-of-stock, coupon-key-reused.")
    CouponViews.MemberCouponView claimCoupon(@PathVariable String store, @PathVariable UUID templateId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        Caller caller = Caller.current().orElseThrow();
        String claimKey = key == null || key.isBlank() ? "coupon-claim:" + UUID.randomUUID()
                : "coupon-claim:" + caller.subject() + ":" + key;
        return coupons.claim(templateId, coupons.ownerMember(caller.subject()), claimKey, caller.username());
    }

    private UUID member() {
        return coupons.ownerMember(Caller.current().orElseThrow().subject());
    }
}
