package com.m4s.store.member;

import com.m4s.platform.web.ConstraintProblem;
import com.m4s.platform.web.ConstraintProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The member feature's own problem types, and what its unique keys mean when the database refuses a write. */
@Configuration(proxyBeanMethods = false)
class MemberProblems {

    @Bean
    ConstraintProblems memberConstraints() {
        return ConstraintProblems.of(
                ConstraintProblem.taken("member_phone_uk", "phone-taken", "profile.phone"),
                ConstraintProblem.taken("vehicle_plate_uk", "plate-taken", "plate"),
                ConstraintProblem.taken("vehicle_vin_uk", "vin-taken", "vin"),
                ConstraintProblem.taken("member_owner_subject_uk", "owner-already-bound", null, "other-member"));
    }
}
