package com.m4s.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ConstraintProblemsTest {

    private static final ConstraintProblems STORES = ConstraintProblems.of(ConstraintProblem.taken("store_pk",
            "store-code-taken", "code", "A store with this code already exists."));

    @Test
    void aRefusalByARegisteredConstraintIsAnsweredWithItsProblemAndField() {
        ResponseEntity<ProblemDetail> answer = advice(STORES).integrity(refusedBy("23505", "store_pk"));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().getType().toString()).isEqualTo("https://m4s.dev/problems/store-code-taken");
        assertThat(answer.getBody().getProperties()).containsEntry("field", "code");
        assertThat(answer.getBody().getDetail()).isEqualTo("A store with this code already exists.");
    }

    @Test
    void aRefusalByAnUnregisteredConstraintIsAGenericConflict() {
        ResponseEntity<ProblemDetail> answer = advice(STORES).integrity(refusedBy("23503", "vehicle_member_fk"));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().getType().toString()).isEqualTo("https://m4s.dev/problems/conflict");
    }

    @Test
    void aConstraintRegisteredTwiceStopsTheServiceFromStarting() {
        ConstraintProblems again = ConstraintProblems.of(ConstraintProblem.taken("store_pk", "other-type", null, "x"));

        assertThatThrownBy(() -> advice(STORES, again)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("store_pk");
    }

    private static ProblemAdvice advice(ConstraintProblems... contributions) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        for (int i = 0; i < contributions.length; i++) {
            beans.addBean("constraints" + i, contributions[i]);
        }
        return new ProblemAdvice(beans.getBeanProvider(ConstraintProblems.class));
    }

    private static DataIntegrityViolationException refusedBy(String sqlState, String constraint) {
        PSQLException cause = new PSQLException(new ServerErrorMessage(
                "SERROR\0C" + sqlState + "\0Mrefused\0n" + constraint + "\0"));
        return new DataIntegrityViolationException("could not execute statement", cause);
    }
}
