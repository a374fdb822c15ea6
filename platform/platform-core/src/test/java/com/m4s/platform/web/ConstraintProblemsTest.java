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
import org.springframework.mock.web.MockHttpServletRequest;

class ConstraintProblemsTest {

    private static final ConstraintProblems STORES = ConstraintProblems.of(ConstraintProblem.taken("store_pk",
            "store-code-taken", "code", "unnamed"));

    @Test
    void aRefusalByARegisteredConstraintIsAnsweredWithItsProblemAndField() {
        ResponseEntity<ProblemDetail> answer = advice(STORES).integrity(refusedBy("23505", "store_pk"), english());

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().getType().toString()).isEqualTo("https://m4s.dev/problems/store-code-taken");
        assertThat(answer.getBody().getProperties()).containsEntry("field", "code");
        assertThat(answer.getBody().getDetail()).isEqualTo("A store with this code already exists.");
    }

    @Test
    void withoutALanguageTheRefusalIsAnsweredInChinese() {
        ResponseEntity<ProblemDetail> answer = advice(STORES).integrity(refusedBy("23505", "store_pk"),
                new MockHttpServletRequest());

        assertThat(answer.getHeaders().getFirst("Content-Language")).isEqualTo("zh-CN");
        assertThat(answer.getBody().getTitle()).isEqualTo("门店代码已被占用");
        assertThat(answer.getBody().getDetail()).isEqualTo("已有使用此代码的门店。");
    }

    @Test
    void aRefusalByAnUnregisteredConstraintIsAGenericConflict() {
        ResponseEntity<ProblemDetail> answer = advice(STORES).integrity(refusedBy("23503", "vehicle_member_fk"),
                english());

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().getType().toString()).isEqualTo("https://m4s.dev/problems/conflict");
    }

    @Test
    void aConstraintRegisteredTwiceStopsTheServiceFromStarting() {
        ConstraintProblems again = ConstraintProblems.of(ConstraintProblem.taken("store_pk", "other-type", null));

        assertThatThrownBy(() -> advice(STORES, again)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("store_pk");
    }

    private static ProblemAdvice advice(ConstraintProblems... contributions) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        for (int i = 0; i < contributions.length; i++) {
            beans.addBean("constraints" + i, contributions[i]);
        }
        return new ProblemAdvice(beans.getBeanProvider(ConstraintProblems.class), ProblemMessages.onClasspath());
    }

    private static MockHttpServletRequest english() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", "en-US,en;q=0.9");
        return request;
    }

    private static DataIntegrityViolationException refusedBy(String sqlState, String constraint) {
        PSQLException cause = new PSQLException(new ServerErrorMessage(
                "SERROR\0C" + sqlState + "\0Mrefused\0n" + constraint + "\0"));
        return new DataIntegrityViolationException("could not execute statement", cause);
    }
}
