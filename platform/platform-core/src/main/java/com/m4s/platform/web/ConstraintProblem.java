package com.m4s.platform.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * What a refusal by one named database constraint means to the caller: the problem type, status and the request
 * field it is about; the detail is the type's text ({@code problem.<type>.detail}, or
 * {@code problem.<type>.detail.<variant>} where the type's main detail names the value, which the database refusal
 * does not tell). Features declare theirs in a {@link ConstraintProblems} bean; {@link ProblemAdvice} answers a write
 * the database refused with it, whether the clash was a race or a plain duplicate.
 *
 * @param constraint the constraint's name in the database, e.g. {@code member_phone_uk}
 * @param field the request field the clash is about (dotted path), or none
 * @param variant the detail's variant, or none for {@code problem.<type>.detail}
 */
public record ConstraintProblem(String constraint, HttpStatus status, String type, @Nullable String field,
        @Nullable String variant) {

    /** 409: the value of {@code field} is taken (a unique key or primary key). */
    public static ConstraintProblem taken(String constraint, String type, @Nullable String field) {
        return new ConstraintProblem(constraint, HttpStatus.CONFLICT, type, field, null);
    }

    /** 409 with the detail {@code problem.<type>.detail.<variant>}. */
    public static ConstraintProblem taken(String constraint, String type, @Nullable String field, String variant) {
        return new ConstraintProblem(constraint, HttpStatus.CONFLICT, type, field, variant);
    }

    ProblemDetail toProblem(ProblemMessages messages, Locale locale) {
        ProblemDetail problem = messages.problem(status, type,
                variant == null ? Problems.detail(type) : Problems.variant(type, variant), locale);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
