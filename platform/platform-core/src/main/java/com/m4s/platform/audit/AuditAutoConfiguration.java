package com.m4s.platform.audit;

import java.time.Clock;
import java.util.List;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** Every service with JPA entities audits their changes into {@code audit_event} of its default schema. */
@AutoConfiguration
@ConditionalOnClass(HibernatePropertiesCustomizer.class)
public class AuditAutoConfiguration {

    static final String INTEGRATOR_PROVIDER = "hibernate.integrator_provider";

    @Bean
    HibernatePropertiesCustomizer auditListeners(ObjectProvider<Clock> clock, JsonMapper json,
            @Value("${spring.jpa.properties.hibernate.default_schema:}") String schema) {
        return hibernate -> hibernate.put(INTEGRATOR_PROVIDER, (IntegratorProvider) () ->
                List.of(new AuditIntegrator(clock.getIfAvailable(Clock::systemUTC), json, schema)));
    }

    @Bean
    AuditTrail auditTrail(JsonMapper json,
            @Value("${spring.jpa.properties.hibernate.default_schema:}") String schema) {
        return new AuditTrail(json, schema);
    }
}
