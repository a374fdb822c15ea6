package com.m4s.platform.idempotency;

import com.m4s.platform.security.MarkedEndpoints;
import com.m4s.platform.security.OpenEndpoints;
import com.m4s.platform.web.ProblemWriter;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Idempotency-Key for every service that says where its records live ({@code m4s.idempotency.schema}; a store's
 * records live in the store's schema). The schemas include {@code db/idempotency/001-idempotency-records.xml}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "m4s.idempotency", name = "schema")
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(DataSource dataSource, IdempotencyProperties properties,
            ProblemWriter problems, ObjectProvider<OpenEndpoints> open, ObjectProvider<Clock> clock,
            ObjectProvider<RequestMappingHandlerMapping> mappings,
            ObjectProvider<PlatformTransactionManager> transactionManager,
            ObjectProvider<EntityManagerFactory> entityManagerFactory) {
        OpenEndpoints endpoints = open.getIfAvailable();
        IdempotencyRecords records = new IdempotencyRecords(dataSource, properties.schema());
        // a handler's work in one transaction with its key's record needs the service's JPA transactions
        PlatformTransactionManager transactions = transactionManager.getIfUnique();
        EntityManagerFactory factory = entityManagerFactory.getIfUnique();
        Predicate<HttpServletRequest> oneTransaction = transactions == null || factory == null ? request -> false
                : new MarkedEndpoints(() -> List.copyOf(mappings.orderedStream().toList()),
                        handler -> handler.hasMethodAnnotation(OneTransaction.class))::matches;
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(records, properties, problems,
                endpoints == null ? request -> false : endpoints::matches, clock.getIfAvailable(Clock::systemUTC),
                oneTransaction, transactions == null || factory == null ? () -> {
                    throw new IllegalStateException("no JPA transactions in this service");
                } : new JpaWorkTransactions(transactions, factory, records)));
        registration.addUrlPatterns("/api/*");
        // after Spring Security (-100) and the tenant filter (0): the caller and the store are known
        registration.setOrder(10);
        return registration;
    }

    /** Documents the header on every operation that honours it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OperationCustomizer")
    static class Documentation {

        @Bean
        OperationCustomizer idempotencyKeyHeader(IdempotencyProperties properties) {
            return (operation, handler) -> {
                if (IdempotentRequests.honouredBy(handler)) {
                    // a @OneTransaction handler's repeat waits for the first's transaction instead (decision 0017)
                    String whileRunning = handler.hasMethodAnnotation(OneTransaction.class)
                            ? "a repeat while the first still runs waits for it and gets its answer."
                            : "while the first still runs, 409 idempotency-request-in-flight.";
                    operation.addParametersItem(new HeaderParameter().name(IdempotentRequests.HEADER).required(false)
                            .description("Makes a repeat of this request safe: the first answer for this key is kept "
                                    + "for " + properties.keepFor().toHours() + " hours and replayed (Idempotent-Replayed: true); the same key with another "
                                    + "request is 422 idempotency-key-reused; " + whileRunning)
                            .schema(new StringSchema().minLength(1).maxLength(IdempotentRequests.MAX_KEY_LENGTH)));
                }
                return operation;
            };
        }
    }
}
