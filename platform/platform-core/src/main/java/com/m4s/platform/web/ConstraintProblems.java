package com.m4s.platform.web;

import java.util.List;

/**
 * One feature's contribution to the constraint registry: declare it as a bean next to the feature's changelog, one
 * entry per constraint whose refusal the caller should understand. A constraint name may be registered once only.
 */
public record ConstraintProblems(List<ConstraintProblem> problems) {

    public ConstraintProblems {
        problems = List.copyOf(problems);
    }

    public static ConstraintProblems of(ConstraintProblem... problems) {
        return new ConstraintProblems(List.of(problems));
    }
}
