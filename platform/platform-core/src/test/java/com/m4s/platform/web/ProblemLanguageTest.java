package com.m4s.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Problems answer in the request's language: Chinese without {@code Accept-Language} or for a language the platform
 * does not speak, English for {@code en}; titles, details and bean validation's field messages alike.
 */
class ProblemLanguageTest {

    @RestController
    static class Things {
        record Thing(@NotBlank @Size(max = 3) String code, @Pattern(regexp = "[A-Z][a-z]+",
                message = "{validation.test-name}") String name) {
        }

        @PostMapping("/things")
        Thing create(@Valid @RequestBody Thing thing) {
            return thing;
        }

        @GetMapping("/jobs/{name}")
        String job(@PathVariable String name) {
            throw new ApiException.NotFound("job", name);
        }
    }

    private final MockMvc mvc = mvc();

    private static MockMvc mvc() {
        ResourceBundleMessageSource messages = ProblemMessages.messageSource(ProblemLanguageTest.class.getClassLoader());
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.setMessageInterpolator(new MessageInterpolatorFactory(messages).getObject());
        validator.afterPropertiesSet();
        ProblemAdvice advice = new ProblemAdvice(new StaticListableBeanFactory().getBeanProvider(
                ConstraintProblems.class), new ProblemMessages(messages));
        advice.setMessageSource(messages);
        return MockMvcBuilders.standaloneSetup(new Things()).setControllerAdvice(advice).setValidator(validator)
                .setLocaleResolver(Languages.resolver()).build();
    }

    @Test
    void withoutALanguageTheValidationProblemIsInChinese() throws Exception {
        mvc.perform(thing("{\"code\":\"\",\"name\":\"li\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Content-Language", "zh-CN"))
                .andExpect(jsonPath("$.type").value("https://m4s.dev/problems/validation-failed"))
                .andExpect(jsonPath("$.title").value("输入有误"))
                .andExpect(jsonPath("$.detail").value("有 2 个字段填写不正确。"))
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].message").value("不能为空"))
                .andExpect(jsonPath("$.errors[1].message").value("须为姓名，如“李”"));
    }

    @Test
    void inEnglishTheSameProblemIsInEnglish() throws Exception {
        mvc.perform(thing("{\"code\":\"abcd\",\"name\":\"li\"}").header("Accept-Language", "en-GB,en;q=0.8"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Content-Language", "en"))
                .andExpect(jsonPath("$.title").value("Validation failed"))
                .andExpect(jsonPath("$.detail").value("2 fields are invalid."))
                .andExpect(jsonPath("$.errors[0].message").value("size must be between 0 and 3"))
                .andExpect(jsonPath("$.errors[1].message").value("must be a name such as \"Li\""));
    }

    @Test
    void aLanguageThePlatformDoesNotSpeakIsAnsweredInChinese() throws Exception {
        mvc.perform(thing("{\"code\":\"abcd\",\"name\":\"Li\"}").header("Accept-Language", "fr-FR,fr;q=0.9"))
                .andExpect(jsonPath("$.detail").value("有 1 个字段填写不正确。"))
                .andExpect(jsonPath("$.errors[0].message").value("长度须在 0 到 3 之间"));
        mvc.perform(thing("{\"code\":\"abcd\",\"name\":\"Li\"}").header("Accept-Language", "fr, en;q=0.5"))
                .andExpect(jsonPath("$.detail").value("1 field is invalid."));
    }

    @Test
    void aFeaturesProblemNamesItsThingInTheCallersLanguage() throws Exception {
        mvc.perform(get("/jobs/nightly"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("未找到"))
                .andExpect(jsonPath("$.detail").value("任务 nightly 不存在"));
        mvc.perform(get("/jobs/nightly").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.detail").value("Job nightly does not exist"));
    }

    @Test
    void aProblemSpringMakesItselfIsInTheCallersLanguageToo() throws Exception {
        mvc.perform(get("/things"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("https://m4s.dev/problems/method-not-allowed"))
                .andExpect(jsonPath("$.title").value("不支持的请求方法"))
                .andExpect(jsonPath("$.detail").value("不支持请求方法“GET”。"));
        mvc.perform(get("/things").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.title").value("Method not allowed"))
                .andExpect(jsonPath("$.detail").value("Method 'GET' is not supported."));
    }

    @Test
    void anUnreadableBodyIsInTheCallersLanguage() throws Exception {
        mvc.perform(thing("{\"code\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("请求体不是有效的 JSON。"));
    }

    private static MockHttpServletRequestBuilder thing(String json) {
        return post("/things").contentType(MediaType.APPLICATION_JSON).content(json);
    }
}
