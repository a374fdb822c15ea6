package com.m4s.platform.audit;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.m4s.platform.web.ConstraintProblems;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.ProblemAdvice;
import com.m4s.platform.web.ProblemMessages;
import com.m4s.platform.web.QueryParameterBinding;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcConfigurer;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit endpoints' query parameters, bound the way the services' controllers take them: each by its own name,
 * page 0 and size 50 when absent, and a value out of its limits or of the wrong type a 400 problem naming it.
 */
class AuditQueryTest {

    private static final String PROBLEM = "https://m4s.dev/problems/invalid-parameter";

    private final AuditTrail trail = mock(AuditTrail.class);

    @RestController
    static class Audit {
        private final AuditTrail trail;

        Audit(AuditTrail trail) {
            this.trail = trail;
        }

        @GetMapping("/stores/{store}/audit")
        PageResult<AuditEntry> list(@PathVariable String store, @Valid @ParameterObject AuditQuery query) {
            return query.run(trail);
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Audit(trail))
            .setControllerAdvice(new ProblemAdvice(new StaticListableBeanFactory().getBeanProvider(
                    ConstraintProblems.class), ProblemMessages.onClasspath()))
            // as the services do: the handler adapter's binders read the query string only
            .apply(new MockMvcConfigurer() {
                @Override
                public RequestPostProcessor beforeMockMvcCreated(ConfigurableMockMvcBuilder<?> builder,
                        WebApplicationContext context) {
                    QueryParameterBinding.install(context.getBean(RequestMappingHandlerAdapter.class));
                    return null;
                }
            })
            .build();

    @BeforeEach
    void emptyTrail() {
        when(trail.find(any(), anyInt(), anyInt())).thenReturn(new PageResult<>(List.of(), 0, 50, 0, 0));
    }

    @Test
    void withoutParametersItAsksForTheFirstFiftyOfEverything() throws Exception {
        mvc.perform(get("/stores/s1/audit")).andExpect(status().isOk());

        verify(trail).find(new AuditTrail.Filter(null, null, null, null, null, null), 0, 50);
    }

    @Test
    void eachParameterIsBoundByItsName() throws Exception {
        mvc.perform(get("/stores/s1/audit").param("entityType", "member").param("entityId", "m-1")
                        .param("actor", "mgr").param("action", "UPDATE").param("from", "2026-01-01T00:00:00Z")
                        .param("to", "2026-02-01T00:00:00Z").param("page", "3").param("size", "200"))
                .andExpect(status().isOk());

        verify(trail).find(new AuditTrail.Filter("member", "m-1", "mgr", AuditEntry.Action.UPDATE,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")), 3, 200);
    }

    @Test
    void limitsAreTheSameAsBefore() throws Exception {
        mvc.perform(get("/stores/s1/audit").param("page", "100000").param("size", "1")
                        .param("entityType", "e".repeat(64)).param("entityId", "i".repeat(64))
                        .param("actor", "a".repeat(255)))
                .andExpect(status().isOk());

        verify(trail).find(new AuditTrail.Filter("e".repeat(64), "i".repeat(64), "a".repeat(255), null, null, null),
                100000, 1);
    }

    @Test
    void aValueOutOfItsLimitsIsA400NamingTheParameter() throws Exception {
        refused(get("/stores/s1/audit").param("size", "0"), "size");
        refused(get("/stores/s1/audit").param("size", "201"), "size");
        refused(get("/stores/s1/audit").param("page", "-1"), "page");
        refused(get("/stores/s1/audit").param("page", "100001"), "page");
        refused(get("/stores/s1/audit").param("entityType", "e".repeat(65)), "entityType");
        refused(get("/stores/s1/audit").param("entityId", "i".repeat(65)), "entityId");
        refused(get("/stores/s1/audit").param("actor", "a".repeat(256)), "actor");

        verify(trail, never()).find(any(), anyInt(), anyInt());
    }

    @Test
    void aValueOfTheWrongTypeIsA400NamingTheParameter() throws Exception {
        refused(get("/stores/s1/audit").param("page", "x").header("Accept-Language", "en"), "page")
                .andExpect(jsonPath("$.detail").value("'page' has the wrong type or format."))
                .andExpect(jsonPath("$.errors[0].message").value("has the wrong type or format"));
        refused(get("/stores/s1/audit").param("page", "x"), "page")
                .andExpect(jsonPath("$.detail").value("参数“page”的类型或格式不正确。"))
                .andExpect(jsonPath("$.errors[0].message").value("类型或格式不正确"));
        refused(get("/stores/s1/audit").param("action", "NOPE"), "action");
        refused(get("/stores/s1/audit").param("from", "yesterday"), "from");

        verify(trail, never()).find(any(), anyInt(), anyInt());
    }

    @Test
    void headersOfTheSameNameAreNotParameters() throws Exception {
        mvc.perform(get("/stores/s1/audit").header("Size", "0").header("Page", "7").header("Actor", "someone")
                        .header("Entity-Type", "member").header("Action", "DELETE"))
                .andExpect(status().isOk());

        verify(trail).find(eq(new AuditTrail.Filter(null, null, null, null, null, null)), eq(0), eq(50));
    }

    private ResultActions refused(RequestBuilder request, String field) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEM))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }
}
