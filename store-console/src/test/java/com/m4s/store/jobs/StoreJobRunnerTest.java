package com.m4s.store.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.jobs.JobsProperties;
import com.m4s.platform.jobs.StoreJob;
import com.m4s.platform.jobs.StoreJobRunner;
import com.m4s.platform.servers.Api;
import com.m4s.platform.tenancy.ActiveTenants;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The per-store job runner on the real service: it visits the active stores as their tenant, a store that fails
 * backs off on the clock while the others go on, operators see the failure, stores a job does not name are never
 * opened, and two instances never run the same job at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(StoreJobRunnerTest.Jobs.class)
// its own context (test jobs): closed afterwards, so its relay and runner do not outlive the class
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "m4s.jobs.poll=PT0.2S")
class StoreJobRunnerTest extends StoreConsoleTest {

    private static final String A = "jobs_a";
    private static final String B = "jobs_b";
    private static final String C = "jobs_c";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration HOUR = Duration.ofHours(1);

    @Autowired
    StoreJobRunner runner;

    @Autowired
    ActiveTenants activeTenants;

    @Autowired
    JobsProperties properties;

    @Autowired
    DataSource dataSource;

    @Autowired
    SchemaProbeJob everyStore;

    @Autowired
    Jobs jobs;

    @BeforeAll
    void stores() {
        for (String store : List.of(A, B, C)) {
            // idempotent; the first call of a fresh context may time out fetching Keycloak's keys on a busy machine
            Eventually.await(Duration.ofMinutes(3), store + " provisioned", () -> provisionRequest(store).status(),
                    status -> status == 200);
        }
    }

    /** Due times and back-off are shown by moving the clock, never by waiting: it stands still unless moved. */
    @BeforeEach
    void clockStandsStill() {
        clock.freeze();
    }

    @Test
    void visitsEveryActiveStoreInItsOwnSchema() {
        List<String> active = activeTenants.activeTenants().stream().map(Tenant::storeCode).toList();

        Eventually.await(WAIT, "every active store visited", () -> Set.copyOf(everyStore.schemas.keySet()),
                visited -> visited.containsAll(active));

        assertThat(active).contains(A, B, C);
        active.forEach(code -> assertThat(everyStore.schemas.get(code)).as(code).isEqualTo("store_" + code));
    }

    @Test
    void aJobThatFailsForOneStoreKeepsRunningForTheOthersAndTheOperatorSeesTheFailure() {
        RecordingJob job = jobs.flaky;
        job.failFor.add(B);
        job.select(A, B, C);

        Map<String, JsonNode> all = Eventually.await(WAIT, "runs of " + A + ", " + B + " and " + C + " recorded",
                () -> byStore(api().get("/internal/jobs/test-flaky/stores").json()),
                rows -> rows.size() == 3 && rows.values().stream().noneMatch(r -> r.path("lastFinishedAt").isNull()));
        JsonNode failing = api().get("/internal/jobs/test-flaky/stores?failing=true").json();

        assertThat(failing.size()).isEqualTo(1);

        JsonNode row = failing.get(0);
        assertThat(row.path("storeCode").asString()).isEqualTo(B);
        assertThat(row.path("consecutiveFailures").asInt()).isEqualTo(1);
        assertThat(row.path("lastError").asString()).contains("no printer in store " + B);
        assertThat(row.path("lastSuccessAt").isNull()).isTrue();
        assertThat(Instant.parse(row.path("nextDueAt").asString()))
                .isEqualTo(Instant.parse(row.path("lastFinishedAt").asString()).plus(properties.failureBackOff()));
        assertThat(all.keySet()).containsExactlyInAnyOrder(A, B, C);
        assertThat(job.visits(A) + job.visits(B) + job.visits(C)).isEqualTo(3);
        for (String ok : List.of(A, C)) {
            assertThat(all.get(ok).path("lastError").isNull()).as(ok).isTrue();
            assertThat(all.get(ok).path("consecutiveFailures").asInt()).as(ok).isZero();
            assertThat(all.get(ok).path("lastSuccessAt").isNull()).as(ok).isFalse();
        }
        JsonNode summary = StreamSupport.stream(api().get("/internal/jobs").json().spliterator(), false)
                .filter(j -> j.path("name").asString().equals("test-flaky")).findFirst().orElseThrow();
        assertThat(summary.path("stores").asInt()).isEqualTo(3);
        assertThat(summary.path("failingStores").asInt()).isEqualTo(1);
        assertThat(as(TestUsers.manager(GROUP, B)).get("/internal/jobs/test-flaky/stores").status()).isEqualTo(403);
        assertThat(api().get("/internal/jobs/no-such-job/stores").status()).isEqualTo(404);
    }

    @Test
    void aFailingStoreIsTriedAgainWhenTheClockReachesItsDoublingBackOff() {
        RecordingJob job = jobs.backOff;
        job.failFor.add(A);
        job.select(A, B);
        Eventually.await(WAIT, "first run of " + B, () -> storeRun("test-back-off", B), r -> r.finished() != null);
        StoreRunView first = Eventually.await(WAIT, "first failure of " + A, () -> storeRun("test-back-off", A),
                r -> r.failures() == 1);
        Instant firstFailure = java.util.Objects.requireNonNull(first.finished());

        clock.set(firstFailure.plus(properties.failureBackOff()).minusSeconds(1));
        job.awaitFullPass();
        int beforeDue = job.visits(A);

        clock.set(firstFailure.plus(properties.failureBackOff()));
        Eventually.await(WAIT, "second try of " + A, () -> job.visits(A), n -> n == 2);
        StoreRunView second = Eventually.await(WAIT, "second failure recorded", () -> storeRun("test-back-off", A),
                r -> r.failures() == 2);
        Instant secondFailure = java.util.Objects.requireNonNull(second.finished());

        job.failFor.clear();
        clock.set(secondFailure.plus(properties.failureBackOff().multipliedBy(2)).minusSeconds(1));
        job.awaitFullPass();
        int beforeSecondDue = job.visits(A);
        clock.set(secondFailure.plus(properties.failureBackOff().multipliedBy(2)));
        StoreRunView recovered = Eventually.await(WAIT, A + " recovered", () -> storeRun("test-back-off", A),
                r -> r.failures() == 0 && r.finished() != null);

        assertThat(beforeDue).isEqualTo(1);
        assertThat(first.nextDue()).isEqualTo(firstFailure.plus(properties.failureBackOff()));
        assertThat(second.nextDue()).isEqualTo(secondFailure.plus(properties.failureBackOff().multipliedBy(2)));
        assertThat(beforeSecondDue).isEqualTo(2);
        assertThat(recovered.error()).isNull();
        assertThat(recovered.nextDue()).isEqualTo(java.util.Objects.requireNonNull(recovered.finished()).plus(HOUR));
        assertThat(job.visits(B)).as("a store that succeeded waits for its interval").isEqualTo(1);

        clock.set(java.util.Objects.requireNonNull(storeRun("test-back-off", B).finished()).plus(HOUR));
        Eventually.await(WAIT, B + " visited again after its interval", () -> job.visits(B), n -> n == 2);
    }

    @Test
    void storesAJobDoesNotNameAreNeverVisited() {
        RecordingJob job = jobs.selective;
        job.select(A);

        Eventually.await(WAIT, A + " visited", () -> job.visits(A), n -> n == 1);
        job.awaitFullPass();

        assertThat(job.visited.keySet()).containsExactly(A);
        assertThat(byStore(api().get("/internal/jobs/test-selective/stores").json()).keySet()).containsExactly(A);
    }

    @Test
    void twoInstancesNeverRunTheSameJobAtOnce() throws Exception {
        ExclusiveJob job = jobs.exclusive;
        StoreJobRunner otherInstance = new StoreJobRunner(dataSource, activeTenants, List.of(job), properties, clock);
        try {
            job.select(A);
            Eventually.await(WAIT, "this instance working on " + A, () -> job.entered.get(), n -> n == 1);

            otherInstance.start();
            otherInstance.runSoon(job.name(), A);
            Eventually.await(WAIT, "the other instance finding the job taken",
                    () -> otherInstance.lockContentions(job.name()), n -> n >= 1);
            int whileHeld = job.entered.get();
            job.gate.countDown();
            Eventually.await(WAIT, "the other instance running the store it was asked for", () -> job.entered.get(),
                    n -> n == 2);

            assertThat(whileHeld).isEqualTo(1);
            assertThat(job.mostAtOnce.get()).isEqualTo(1);
        } finally {
            job.gate.countDown();
            otherInstance.stop();
        }
    }

    private record StoreRunView(@Nullable Instant finished, @Nullable Instant nextDue, int failures, @Nullable String error) {
    }

    /** The store's run record, or a view of "not run yet" (no finish, no failures) before the first run. */
    private StoreRunView storeRun(String job, String store) {
        JsonNode row = byStore(api().get("/internal/jobs/" + job + "/stores").json()).get(store);
        if (row == null) {
            return new StoreRunView(null, null, 0, null);
        }
        return new StoreRunView(row.path("lastFinishedAt").isNull() ? null
                : Instant.parse(row.path("lastFinishedAt").asString()),
                Instant.parse(row.path("nextDueAt").asString()), row.path("consecutiveFailures").asInt(),
                row.path("lastError").isNull() ? null : row.path("lastError").asString());
    }

    private static Map<String, JsonNode> byStore(JsonNode rows) {
        Map<String, JsonNode> result = new java.util.HashMap<>();
        rows.forEach(r -> result.put(r.path("storeCode").asString(), r));
        return result;
    }

    /** A job over some stores that counts its visits and the passes it was asked about; may fail for some stores. */
    static class RecordingJob implements StoreJob {

        final String name;
        final Map<String, AtomicInteger> visited = new ConcurrentHashMap<>();
        final Set<String> failFor = ConcurrentHashMap.newKeySet();
        final AtomicInteger passes = new AtomicInteger();
        volatile Set<String> selected = Set.of();

        RecordingJob(String name) {
            this.name = name;
        }

        void select(String... stores) {
            selected = Set.of(stores);
        }

        int visits(String store) {
            AtomicInteger n = visited.get(store);
            return n == null ? 0 : n.get();
        }

        /**
         * Waits until a whole pass began and ended after this call (the runner's passes of a job follow each other: the
         * second one to begin from now on begins after the first ended), so it saw whatever the test set before.
         */
        void awaitFullPass() {
            int now = passes.get();
            Eventually.await(WAIT, "a whole pass of " + name, passes::get, n -> n >= now + 2);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Duration interval() {
            return HOUR;
        }

        @Override
        public Set<String> storesWithWork(Instant now) {
            passes.incrementAndGet();
            return selected;
        }

        @Override
        public void run(Tenant store) throws Exception {
            assertThat(TenantContext.require()).isEqualTo(store);
            visited.computeIfAbsent(store.storeCode(), s -> new AtomicInteger()).incrementAndGet();
            if (failFor.contains(store.storeCode())) {
                throw new IllegalStateException("no printer in store " + store.storeCode());
            }
        }
    }

    /** Visits every active store and notes the schema its connection works in there. */
    static class SchemaProbeJob implements StoreJob {

        final Map<String, String> schemas = new ConcurrentHashMap<>();
        private final TransactionTemplate tx;

        @PersistenceContext
        private EntityManager entityManager;

        SchemaProbeJob(TransactionTemplate tx) {
            this.tx = tx;
        }

        @Override
        public String name() {
            return "test-every-store";
        }

        @Override
        public Duration interval() {
            return HOUR;
        }

        @Override
        public void run(Tenant store) {
            String schema = tx.execute(status -> (String) entityManager.createNativeQuery("select current_schema()")
                    .getSingleResult());
            schemas.put(store.storeCode(), String.valueOf(schema));
        }
    }

    /** Holds its first run open until the test lets it go; counts how many runs were ever in progress at once. */
    static class ExclusiveJob extends RecordingJob {

        final CountDownLatch gate = new CountDownLatch(1);
        final AtomicInteger entered = new AtomicInteger();
        final AtomicInteger inProgress = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        ExclusiveJob() {
            super("test-exclusive");
        }

        @Override
        public void run(Tenant store) throws InterruptedException {
            entered.incrementAndGet();
            mostAtOnce.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
            try {
                gate.await(60, TimeUnit.SECONDS);
            } finally {
                inProgress.decrementAndGet();
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Jobs {

        final RecordingJob flaky = new RecordingJob("test-flaky");
        final RecordingJob backOff = new RecordingJob("test-back-off");
        final RecordingJob selective = new RecordingJob("test-selective");
        final ExclusiveJob exclusive = new ExclusiveJob();

        @Bean
        SchemaProbeJob schemaProbeJob(TransactionTemplate tx) {
            return new SchemaProbeJob(tx);
        }

        @Bean
        StoreJob flakyJob() {
            return flaky;
        }

        @Bean
        StoreJob backOffJob() {
            return backOff;
        }

        @Bean
        StoreJob selectiveJob() {
            return selective;
        }

        @Bean
        StoreJob exclusiveJob() {
            return exclusive;
        }
    }
}
