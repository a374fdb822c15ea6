package com.m4s.store.tenant;

import com.m4s.platform.migration.StoreSchemas;
import com.m4s.platform.tenancy.TenancyProperties;
import com.m4s.platform.tenancy.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Brings the stores in service up to this build's store changelog without holding up start-up. Before the web
 * server takes requests, one query compares each store's recorded changelog fingerprint with the build's: stores that
 * match serve at once; the others answer 503 {@code store-migrating} while they are migrated in the background, a
 * few at a time ({@code m4s.tenancy.migration-parallelism}), and serve as soon as their own migration is done. A
 * store whose migration fails stays unavailable (503 {@code store-unavailable}) until provisioning it again
 * succeeds. No store is ever served on a schema older than the build's.
 */
@Component
class StartupMigration implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartupMigration.class);

    /**
     * Where the start-up migration stands.
     *
     * @param fingerprint the build's store changelog fingerprint
     * @param stores stores in service (provisioned) at start-up
     * @param upToDate of those, already migrated to {@code fingerprint}: they served from the start
     * @param toMigrate of those, migrated in the background
     * @param remaining still waiting or being migrated now
     * @param failed stores whose migration failed; they answer 503 until provisioned again
     * @param checkedIn how long the fingerprint check took (it runs before the web server takes requests)
     * @param finishedIn from the start of the check until the last store was migrated; empty while running
     */
    record Progress(String fingerprint, int stores, int upToDate, int toMigrate, int remaining, List<String> failed,
            Duration checkedIn, Optional<Duration> finishedIn) {

        boolean done() {
            return finishedIn.isPresent();
        }
    }

    private final TenantDirectory directory;
    private final StoreSchemas schemas;
    private final TenancyProperties tenancy;
    private final Clock clock;
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile @Nullable Progress checked;
    private volatile @Nullable Duration finishedIn;
    private volatile @Nullable Thread worker;

    StartupMigration(TenantDirectory directory, StoreSchemas schemas, TenancyProperties tenancy, Clock clock) {
        this.directory = directory;
        this.schemas = schemas;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** Runs once every bean exists and before the web server, schedulers and event consumers start. */
    @Override
    public void afterSingletonsInstantiated() {
        Instant start = clock.instant();
        String fingerprint = schemas.changelogFingerprint();
        TenantDirectory.FingerprintCheck check = directory.checkFingerprints(fingerprint);
        List<Tenant> stale = check.stale();
        stale.forEach(tenant -> directory.markMigrating(tenant.storeCode()));
        remaining.set(stale.size());
        Duration checkedIn = Duration.between(start, clock.instant());
        checked = new Progress(fingerprint, check.upToDate() + stale.size(), check.upToDate(), stale.size(),
                stale.size(), List.of(), checkedIn, Optional.empty());
        log.info("checked {} stores against store changelog {} in {} ms: {} up to date and serving, {} to migrate"
                + " in the background", check.upToDate() + stale.size(), fingerprint.substring(0, 12),
                checkedIn.toMillis(), check.upToDate(), stale.size());
        if (stale.isEmpty()) {
            finish(start, 0);
            return;
        }
        worker = schemas.migrateAllInBackground(stale, tenancy.migrationParallelism(), new StoreSchemas.Progress() {
            @Override
            public void migrated(Tenant tenant) {
                directory.recordMigrated(tenant.storeCode(), fingerprint);
                directory.markAvailable(tenant.storeCode());
                remaining.decrementAndGet();
            }

            @Override
            public void failed(Tenant tenant, StoreSchemas.MigrationFailedException e) {
                // stays refused; the next start retries it
                directory.markUnavailable(tenant.storeCode());
                failed.add(tenant.storeCode());
                remaining.decrementAndGet();
            }
        }, report -> finish(start, stale.size()));
    }

    private void finish(Instant start, int migrated) {
        Duration took = Duration.between(start, clock.instant());
        finishedIn = took;
        List<String> failures = List.copyOf(new TreeSet<>(failed));
        // the benchmark (infra StartupMigrationBench) reads this line
        log.info("migrated {} stores in {} ms ({} failed: {})", migrated, took.toMillis(), failures.size(), failures);
    }

    /** Where the start-up migration stands; empty before the check ran. */
    Optional<Progress> progress() {
        Progress at = checked;
        if (at == null) {
            return Optional.empty();
        }
        return Optional.of(new Progress(at.fingerprint(), at.stores(), at.upToDate(), at.toMigrate(),
                remaining.get(), List.copyOf(new TreeSet<>(failed)), at.checkedIn(), Optional.ofNullable(finishedIn)));
    }

    /** Stops waiting for the background migration on shutdown; a store left half-way is migrated at the next start. */
    @Override
    public void destroy() throws InterruptedException {
        Thread thread = worker;
        if (thread != null && thread.isAlive()) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(10));
        }
    }
}
