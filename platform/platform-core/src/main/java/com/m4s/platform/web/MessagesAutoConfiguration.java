package com.m4s.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The service's message source is every module's bundle ({@link ProblemMessages}): problem texts, and the texts of
 * bean validation's {@code {key}} messages. It takes the place of Spring Boot's single {@code messages} bundle.
 */
@AutoConfiguration(before = MessageSourceAutoConfiguration.class)
public class MessagesAutoConfiguration {

    @Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    ResourceBundleMessageSource messageSource() {
        return ProblemMessages.messageSource(MessagesAutoConfiguration.class.getClassLoader());
    }

    @Bean
    ProblemMessages problemMessages(MessageSource messageSource) {
        return new ProblemMessages(messageSource);
    }
}
