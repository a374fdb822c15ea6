package com.m4s.store.segment;

import com.m4s.platform.web.ConstraintProblem;
import com.m4s.platform.web.ConstraintProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the segment tables' constraints mean to a caller (decision 0017): two saves of one segment name at once, two
 * first uses of one new tag at once, the same tag given twice at once: the one that lost is a 409 it may retry.
 */
@Configuration(proxyBeanMethods = false)
class SegmentProblems {

    @Bean
    ConstraintProblems segmentConstraintProblems() {
        return ConstraintProblems.of(
                ConstraintProblem.taken("member_segment_name_uk", "concurrent-update", "name"),
                ConstraintProblem.taken("member_tag_name_uk", "concurrent-update", null),
                ConstraintProblem.taken("member_tag_uq", "concurrent-update", null));
    }
}
