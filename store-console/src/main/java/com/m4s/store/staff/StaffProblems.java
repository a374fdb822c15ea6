package com.m4s.store.staff;

import com.m4s.platform.web.ConstraintProblem;
import com.m4s.platform.web.ConstraintProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the staff feature's unique keys mean when the database refuses a write. */
@Configuration(proxyBeanMethods = false)
class StaffProblems {

    @Bean
    ConstraintProblems staffConstraints() {
        return ConstraintProblems.of(ConstraintProblem.taken("staff_username_uk", "username-taken", "username",
                "unnamed"));
    }
}
