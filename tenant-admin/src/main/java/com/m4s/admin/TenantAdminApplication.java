package com.m4s.admin;

import com.m4s.platform.migration.SchemaCreatingLiquibase;
import java.time.Clock;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Dealer groups, stores and their provisioning; data in schema {@code admin}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TenantAdminApplication {

    static final String SCHEMA = "admin";

    public static void main(String[] args) {
        SpringApplication.run(TenantAdminApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SpringLiquibase adminSchemaLiquibase(DataSource dataSource) {
        SpringLiquibase liquibase = new SchemaCreatingLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/admin/changelog.xml");
        liquibase.setDefaultSchema(SCHEMA);
        liquibase.setLiquibaseSchema(SCHEMA);
        return liquibase;
    }
}
