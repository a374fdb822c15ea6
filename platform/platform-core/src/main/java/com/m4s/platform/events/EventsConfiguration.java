package com.m4s.platform.events;

import com.m4s.platform.tenancy.TenancyProperties;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Domain events of a service: imported by the service (a schema-per-store service next to the store tenancy
 * configuration). The service's schema changelog includes {@code db/events/001-event-outbox.xml} with the
 * parameters of {@link #changelogParameters}.
 *
 * <p>Settings: {@code m4s.events.schema} (the service's own schema) and {@code m4s.events.kafka.bootstrap-servers}.
 */
@Configuration(proxyBeanMethods = false)
public class EventsConfiguration {

    @Bean
    OutboxRelay outboxRelay(DataSource dataSource, @Value("${m4s.events.schema}") String schema,
            @Value("${m4s.events.kafka.bootstrap-servers}") String bootstrapServers) {
        return new OutboxRelay(dataSource, schema, bootstrapServers);
    }

    @Bean
    EventOutbox eventOutbox(@Value("${m4s.events.schema}") String schema, JsonMapper json, Clock clock,
            OutboxRelay relay) {
        return new EventOutbox(schema, json, clock, relay);
    }

    @Bean
    ProcessedEvents processedEvents(@Value("${m4s.events.schema}") String schema) {
        return new ProcessedEvents(schema);
    }

    @Bean
    EventConsumers eventConsumers(@Value("${m4s.events.kafka.bootstrap-servers}") String bootstrapServers) {
        return new EventConsumers(bootstrapServers);
    }

    /**
     * Changelog parameters of {@code db/events/001-event-outbox.xml} for a schema-per-store service: its store roles
     * may add events of their own store.
     */
    public static java.util.Map<String, String> changelogParameters(String schema, TenancyProperties tenancy) {
        return java.util.Map.of("eventSchema", schema, "storeRolePrefix", tenancy.rolePrefix());
    }

    /**
     * Changelog parameters of {@code db/events/001-event-outbox.xml} for a service without store roles
     * (tenant-admin): only the service's login writes events; the grants to store roles are left out.
     */
    public static java.util.Map<String, String> changelogParameters(String schema) {
        return java.util.Map.of("eventSchema", schema);
    }
}
