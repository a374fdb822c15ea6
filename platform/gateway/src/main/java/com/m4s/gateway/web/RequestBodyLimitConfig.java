package com.m4s.gateway.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's request body limits: {@code m4s.gateway.max-body-size} (1 MB by default), and
 * {@code m4s.gateway.max-upload-size} for multipart uploads (photos; the same unless raised).
 */
@Configuration(proxyBeanMethods = false)
public class RequestBodyLimitConfig {

    @Bean
    RequestBodyLimit requestBodyLimit(@Value("${m4s.gateway.max-body-size:1MB}") DataSize max,
            @Value("${m4s.gateway.max-upload-size:${m4s.gateway.max-body-size:1MB}}") DataSize maxUpload) {
        return new RequestBodyLimit(max, maxUpload);
    }
}
