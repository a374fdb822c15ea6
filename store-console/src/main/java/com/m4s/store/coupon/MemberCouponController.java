package com.m4s.store.coupon;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A member's coupons as staff read them on the member page (WAL-2). */
@RestController
@Validated
@RequestMapping("/api/stores/{store}/members/{memberId}/coupons")
@Allow(Permission.COUPON_VIEW)
@Tag(name = "coupons")
class MemberCouponController {

    private final Coupons coupons;

    MemberCouponController(Coupons coupons) {
        this.coupons = coupons;
    }

    @GetMapping
    @Operation(summary = "The member's coupons in these states (none: all): usable ones soonest to end first")
    List<CouponViews.MemberCouponView> memberCoupons(@PathVariable String store, @PathVariable UUID memberId,
            @RequestParam(required = false) @Nullable List<MemberCouponState> state) {
        return coupons.memberCoupons(memberId, state);
    }
}
