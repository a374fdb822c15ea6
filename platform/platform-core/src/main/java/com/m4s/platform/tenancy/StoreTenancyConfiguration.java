package com.m4s.platform.tenancy;

import com.m4s.platform.migration.MigrationConfiguration;
import com.m4s.platform.migration.MigrationLogin;
import com.m4s.platform.migration.StoreSchemas;
import com.m4s.platform.security.OpenEndpoints;
import org.springframework.beans.factory.ObjectProvider;
import javax.sql.DataSource;
import org.hibernate.cfg.MultiTenancySettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import com.m4s.platform.web.ProblemWriter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Turns a service into a schema-per-store service: imported by services whose data lives in store schemas. The
 * service supplies the {@link TenantRegistry}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TenancyProperties.class)
@Import(MigrationConfiguration.class)
public class StoreTenancyConfiguration {

    @Bean
    HibernatePropertiesCustomizer schemaPerStoreHibernate(DataSource dataSource, TenancyProperties properties) {
        var provider = new SchemaPerTenantConnectionProvider(dataSource, properties.rolePrefix());
        var resolver = new CurrentStoreResolver();
        return hibernate -> {
            hibernate.put(MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER, provider);
            hibernate.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, resolver);
        };
    }

    @Bean
    FilterRegistrationBean<TenantFilter> tenantFilter(TenantRegistry registry, ProblemWriter problems,
            ObjectProvider<OpenEndpoints> open) {
        OpenEndpoints endpoints = open.getIfAvailable();
        var registration = new FilterRegistrationBean<>(new TenantFilter(registry, problems,
                endpoints == null ? request -> false : endpoints::matches));
        registration.addUrlPatterns(TenantFilter.PREFIX + "*");
        // after Spring Security (order -100): the caller is known when the store is checked
        registration.setOrder(0);
        return registration;
    }

    /** Spring MVC's handler lookup, skipping mappings of other store sections at once (a store request's cost). */
    @Bean
    WebMvcRegistrations storeSectionHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new StoreSectionHandlerMapping();
            }
        };
    }

    @Bean
    StoreSchemas storeSchemas(MigrationLogin login, TenancyProperties properties) {
        return new StoreSchemas(login, properties.storeChangelog());
    }
}
