package com.m4s.store;

import com.m4s.platform.events.EventsConfiguration;
import com.m4s.platform.jobs.JobsConfiguration;
import com.m4s.platform.search.SearchConfiguration;
import com.m4s.platform.storage.StorageConfiguration;
import com.m4s.platform.tenancy.StoreTenancyConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Serves one store at a time: every {@code /api/stores/{store}/...} request runs in that store's schema. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({StoreTenancyConfiguration.class, EventsConfiguration.class, SearchConfiguration.class, JobsConfiguration.class,
        StorageConfiguration.class})
public class StoreConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(StoreConsoleApplication.class, args);
    }

    @Bean
    OpenAPI openApi() {
        return new OpenAPI().info(new Info().title("M4S store console").version("v1")
                .description("Everything one store runs, under /api/stores/{store}/. Errors are RFC 9457 problem details."));
    }
}
