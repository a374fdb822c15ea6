package com.m4s.platform.migration;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The {@link MigrationLogin} of a service: imported by services that migrate a schema of their own. Settings
 * {@code m4s.database.owner-username} and {@code m4s.database.owner-password}; see {@link DatabaseProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class MigrationConfiguration {

    @Bean
    MigrationLogin migrationLogin(DataSource dataSource, DatabaseProperties properties,
            @Value("${spring.datasource.url}") String url, @Value("${spring.datasource.username:}") String login) {
        if (!properties.hasOwner() || properties.ownerUsername().equals(login)) {
            return MigrationLogin.single(dataSource);
        }
        var owner = new DriverManagerDataSource(url, properties.ownerUsername(),
                properties.ownerPassword() == null ? "" : properties.ownerPassword());
        return new MigrationLogin(owner, login.isBlank() ? null : login);
    }
}
