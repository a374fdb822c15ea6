package com.m4s.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Every servlet service answers errors as problem+json through {@link ProblemAdvice}, in the request's language
 * ({@link Languages}, which also sets the language bean validation writes its messages in), and binds query
 * parameter objects from the query string only ({@link QueryParameterBinding}).
 */
@AutoConfiguration(after = MessagesAutoConfiguration.class,
        beforeName = {"org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
            "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemAdvice.class, QueryParameterBinding.class})
public class WebProblemsAutoConfiguration {

    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return Languages.resolver();
    }
}
