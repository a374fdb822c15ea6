package com.m4s.admin;

import com.m4s.platform.events.EventsConfiguration;
import com.m4s.platform.migration.MigrationConfiguration;
import com.m4s.platform.migration.MigrationLogin;
import com.m4s.platform.migration.SchemaCreatingLiquibase;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Dealer groups, stores and their provisioning; data in schema {@code admin}, events on Kafka from its outbox. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({EventsConfiguration.class, MigrationConfiguration.class})
public class TenantAdminApplication {

    static final String SCHEMA = "admin";

    public static void main(String[] args) {
        SpringApplication.run(TenantAdminApplication.class, args);
    }

    @Bean
    OpenAPI openApi() {
        return new OpenAPI().info(new Info().title("M4S tenant admin").version("v1")
                .description("Dealer groups and stores; provisioning of each store's tenant. Errors are RFC 9457 problem details."));
    }

    @Bean
    SpringLiquibase adminSchemaLiquibase(MigrationLogin login) {
        // as the schema's owner, which then grants this service's login the use of the tables (decision 0001)
        SpringLiquibase liquibase = SchemaCreatingLiquibase.forSchema(login, SCHEMA, "classpath:db/admin/changelog.xml");
        liquibase.setChangeLogParameters(EventsConfiguration.changelogParameters(SCHEMA));
        return liquibase;
    }
}
