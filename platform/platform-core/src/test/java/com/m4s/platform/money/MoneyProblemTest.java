package com.m4s.platform.money;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.m4s.platform.web.ProblemAdvice;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A request with a float for money is a 400 problem that says so and names the field. */
class MoneyProblemTest {

    record Price(Money price) {
    }

    @RestController
    static class Prices {
        @PostMapping("/prices")
        Price echo(@RequestBody Price price) {
            return price;
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Prices())
            .setControllerAdvice(new ProblemAdvice(new org.springframework.beans.factory.support.StaticListableBeanFactory()
                    .getBeanProvider(com.m4s.platform.web.ConstraintProblems.class),
                    com.m4s.platform.web.ProblemMessages.onClasspath())).build();

    @Test
    void aFloatAmountIsA400ProblemNamingTheField() throws Exception {
        mvc.perform(post("/prices").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content("{\"price\":{\"amount\":123.45,\"currency\":\"CNY\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://m4s.dev/problems/malformed-request"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not a JSON number")))
                .andExpect(jsonPath("$.errors[0].field").value("price.amount"));
    }

    @Test
    void anUnknownCurrencyIsA400ProblemNamingTheField() throws Exception {
        mvc.perform(post("/prices").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"price\":{\"amount\":\"1.00\",\"currency\":\"XYZ\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("币种须为精确到分的 ISO 4217 代码")))
                .andExpect(jsonPath("$.errors[0].field").value("price.currency"));
    }

    @Test
    void aGoodAmountComesBackAsAString() throws Exception {
        mvc.perform(post("/prices").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"price\":{\"amount\":\"99.9\",\"currency\":\"CNY\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.price.amount").value("99.90"))
                .andExpect(jsonPath("$.price.currency").value("CNY"));
    }
}
