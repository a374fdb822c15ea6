package com.m4s.store.points;

import com.m4s.platform.web.ConstraintProblem;
import com.m4s.platform.web.ConstraintProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ledger's constraints as problems (decision 0017). */
@Configuration(proxyBeanMethods = false)
class PointsProblems {

    @Bean
    ConstraintProblems pointsConstraints() {
        return ConstraintProblems.of(
                ConstraintProblem.taken("points_entry_key_uk", "points-key-reused", null),
                ConstraintProblem.taken("points_rule_set_version_uk", "points-rules-changed", null),
                ConstraintProblem.taken("points_expiry_policy_version_uk", "points-rules-changed", null),
                ConstraintProblem.taken("points_balance_available_ck", "insufficient-points", "points", "race"));
    }
}
