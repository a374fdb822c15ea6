package com.m4s.store.tenant;

import com.m4s.platform.events.EventsConfiguration;
import com.m4s.platform.jobs.JobsConfiguration;
import com.m4s.platform.migration.MigrationLogin;
import com.m4s.platform.migration.SchemaCreatingLiquibase;
import com.m4s.platform.tenancy.TenancyProperties;
import java.util.HashMap;
import java.util.Map;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's own schema {@code console} (tenant registry, outbox and processed events, job runs), migrated as its
 * owner (decision 0001).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSchemaConfiguration {

    static final String SCHEMA = "console";

    @Bean
    SpringLiquibase consoleSchemaLiquibase(MigrationLogin login, TenancyProperties tenancy) {
        SpringLiquibase liquibase = SchemaCreatingLiquibase.forSchema(login, SCHEMA,
                "classpath:db/console/changelog.xml");
        Map<String, String> parameters = new HashMap<>(EventsConfiguration.changelogParameters(SCHEMA, tenancy));
        parameters.putAll(JobsConfiguration.changelogParameters(SCHEMA, tenancy));
        liquibase.setChangeLogParameters(parameters);
        return liquibase;
    }
}
