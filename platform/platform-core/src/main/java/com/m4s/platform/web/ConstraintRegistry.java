package com.m4s.platform.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every feature's {@link ConstraintProblems}, by constraint name; a name registered twice fails at start-up. */
final class ConstraintRegistry {

    private final Map<String, ConstraintProblem> byName;

    ConstraintRegistry(List<ConstraintProblems> contributions) {
        Map<String, ConstraintProblem> map = new HashMap<>();
        for (ConstraintProblems contribution : contributions) {
            for (ConstraintProblem problem : contribution.problems()) {
                ConstraintProblem previous = map.putIfAbsent(problem.constraint(), problem);
                if (previous != null) {
                    throw new IllegalStateException("constraint " + problem.constraint() + " is registered twice: as "
                            + previous.type() + " and as " + problem.type());
                }
            }
        }
        this.byName = Map.copyOf(map);
    }

    Optional<ConstraintProblem> find(String constraint) {
        return Optional.ofNullable(byName.get(constraint));
    }
}
