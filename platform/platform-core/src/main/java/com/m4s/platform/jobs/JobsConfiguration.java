package com.m4s.platform.jobs;

import com.m4s.platform.tenancy.ActiveTenants;
import com.m4s.platform.tenancy.TenancyProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Per-store jobs for a service: imported by the service next to its tenancy configuration; the service supplies
 * {@link ActiveTenants} and a {@link Clock}, and its schema changelog includes {@code db/jobs/001-store-jobs.xml}
 * with {@link #changelogParameters}. Every {@link StoreJob} bean is run by the one {@link StoreJobRunner}.
 *
 * <p>Settings: {@code m4s.jobs.*} ({@link JobsProperties}); {@code m4s.jobs.schema} is required.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
public class JobsConfiguration {

    @Bean
    StoreJobRunner storeJobRunner(DataSource dataSource, ActiveTenants activeTenants, List<StoreJob> jobs,
            JobsProperties properties, Clock clock, ObjectProvider<JobMetrics> metrics) {
        return new StoreJobRunner(dataSource, activeTenants, jobs, properties, clock,
                metrics.getIfAvailable(() -> JobMetrics.NONE));
    }

    @Bean
    JobWork jobWork(JobsProperties properties) {
        return new JobWork(properties.schema());
    }

    @Bean
    JobsController jobsController(StoreJobRunner runner) {
        return new JobsController(runner);
    }

    /** Changelog parameters of {@code db/jobs/001-store-jobs.xml}. */
    public static Map<String, String> changelogParameters(String schema, TenancyProperties tenancy) {
        return Map.of("jobSchema", schema, "storeRolePrefix", tenancy.rolePrefix());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Metrics {

        @Bean
        JobMetrics micrometerJobMetrics(ObjectProvider<MeterRegistry> registry) {
            MeterRegistry found = registry.getIfAvailable();
            return found == null ? JobMetrics.NONE : new MicrometerJobMetrics(found);
        }
    }
}
