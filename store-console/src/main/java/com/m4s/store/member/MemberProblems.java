package com.m4s.store.member;

import com.m4s.platform.web.ApiException;
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
                ConstraintProblem.taken("member_phone_uk", "phone-taken", "profile.phone",
                        "Another member of this store already has this phone number."),
                ConstraintProblem.taken("vehicle_plate_uk", "plate-taken", "plate",
                        "A vehicle with this plate is already registered in this store."),
                ConstraintProblem.taken("vehicle_vin_uk", "vin-taken", "vin",
                        "A vehicle with this VIN is already registered in this store."),
                ConstraintProblem.taken("member_owner_subject_uk", "owner-already-bound", null,
                        "This owner account is bound to another member already."));
    }

    static ApiException.Unprocessable duplicateInRequest(String field) {
        return new ApiException.Unprocessable("duplicate-" + field,
                "The same " + field + " appears twice in the request.");
    }
}
