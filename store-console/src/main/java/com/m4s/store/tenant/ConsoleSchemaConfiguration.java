package com.m4s.store.tenant;

import com.m4s.platform.events.EventsConfiguration;
import com.m4s.platform.migration.SchemaCreatingLiquibase;
import com.m4s.platform.tenancy.TenancyProperties;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's own schema {@code console} (tenant registry, later outbox and processed events). */
@Configuration(proxyBeanMethods = false)
class ConsoleSchemaConfiguration {

    static final String SCHEMA = "console";

    @Bean
    SpringLiquibase consoleSchemaLiquibase(DataSource dataSource, TenancyProperties tenancy) {
        SpringLiquibase liquibase = SchemaCreatingLiquibase.forSchema(dataSource, SCHEMA,
                "classpath:db/console/changelog.xml");
        liquibase.setChangeLogParameters(EventsConfiguration.changelogParameters(SCHEMA, tenancy));
        return liquibase;
    }
}
