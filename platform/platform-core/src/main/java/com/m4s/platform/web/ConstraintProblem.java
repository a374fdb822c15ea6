package com.m4s.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * What a refusal by one named database constraint means to the caller: the problem type, status, the request field
 * it is about and a human detail. Features declare theirs in a {@link ConstraintProblems} bean; {@link ProblemAdvice}
 * answers a write the database refused with it, whether the clash was a race or a plain duplicate.
 *
 * @param constraint the constraint's name in the database, e.g. {@code member_phone_uk}
 * @param field the request field the clash is about (dotted path), or none
 */
public record ConstraintProblem(String constraint, HttpStatus status, String type, @Nullable String field,
        String detail) {

    /** 409: the value of {@code field} is taken (a unique key or primary key). */
    public static ConstraintProblem taken(String constraint, String type, @Nullable String field, String detail) {
        return new ConstraintProblem(constraint, HttpStatus.CONFLICT, type, field, detail);
    }

    ProblemDetail toProblem() {
        ProblemDetail problem = Problems.of(status, type, detail);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
