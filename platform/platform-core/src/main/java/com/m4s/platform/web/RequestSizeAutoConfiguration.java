package com.m4s.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every servlet service caps request bodies ({@code m4s.web.max-body-size}, 1 MB by default; multipart uploads
 * {@code m4s.web.max-upload-size}, the same unless a service with uploads raises it); see {@link RequestSizeLimit}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RequestSizeAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(@Value("${m4s.web.max-body-size:1MB}") DataSize max,
            @Value("${m4s.web.max-upload-size:${m4s.web.max-body-size:1MB}}") DataSize maxUpload,
            JsonMapper json, ProblemMessages messages) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
                new RequestSizeLimit(max, maxUpload, new ProblemWriter(json, messages)));
        // before Spring Security's filter chain: an oversized body is refused before anything reads it
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
