package com.m4s.store.transfer;

import com.m4s.platform.web.ConstraintProblem;
import com.m4s.platform.web.ConstraintProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The transfer tables' constraints as problems (decision 0017). */
@Configuration(proxyBeanMethods = false)
class PointTransferProblems {

    @Bean
    ConstraintProblems pointTransferConstraints() {
        return ConstraintProblems.of(
                ConstraintProblem.taken("point_transfer_key_uk", "points-key-reused", null),
                ConstraintProblem.taken("point_share_target_uk", "point-share-taken", null),
                ConstraintProblem.taken("point_share_conversion_uk", "point-share-converted-before", null));
    }
}
