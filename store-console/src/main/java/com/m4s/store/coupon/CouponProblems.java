package com.m4s.store.coupon;

import com.m4s.platform.web.ConstraintProblem;
import com.m4s.platform.web.ConstraintProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The coupon tables' constraints as problems (decision 0017): what the service's own checks should have caught. */
@Configuration(proxyBeanMethods = false)
class CouponProblems {

    @Bean
    ConstraintProblems couponConstraints() {
        return ConstraintProblems.of(
                ConstraintProblem.taken("coupon_template_kind_ck", "coupon-template-invalid", "kind", "race"),
                ConstraintProblem.taken("coupon_template_scope_ck", "coupon-template-invalid", "scopeCodes", "race"),
                ConstraintProblem.taken("coupon_template_validity_ck", "coupon-template-invalid", "validUntil",
                        "race"),
                ConstraintProblem.taken("coupon_template_stock_ck", "coupon-out-of-stock", null, "race"),
                ConstraintProblem.taken("member_coupon_claim_uk", "coupon-key-reused", null),
                ConstraintProblem.taken("member_coupon_batch_uk", "coupon-key-reused", null));
    }
}
