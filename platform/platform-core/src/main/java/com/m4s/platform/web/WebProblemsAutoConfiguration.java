package com.m4s.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/**
 * Every servlet service answers errors as problem+json through {@link ProblemAdvice}, and binds query parameter
 * objects from the query string only ({@link QueryParameterBinding}).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemAdvice.class, QueryParameterBinding.class})
public class WebProblemsAutoConfiguration {
}
