package com.m4s.platform.jobs;

import com.m4s.platform.tenancy.ActiveTenants;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs every {@link StoreJob} of the service over the active stores.
 *
 * <p>A pass of a job: take the job's cluster-wide lock (a PostgreSQL advisory lock on a connection of its own, held
 * for the pass, so two instances never work on the same job at once; an instance that finds it taken leaves its
 * requests for its next pass); pick the due stores among the active ones (named by the job's
 * {@link StoreJob#storesWithWork}, marked by {@link JobWork} or asked for by {@link #runSoon}, and not waiting for
 * their next due time); run them with bounded parallelism, each with the store set as the tenant; record each run.
 * A run that throws fails for its store only: the error and the count of failures in a row are recorded and the store
 * waits {@link JobsProperties#backOffAfter}, doubling, before it is tried again. Every due and back-off decision reads
 * the injected {@link Clock}.
 */
public class StoreJobRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StoreJobRunner.class);

    private final DataSource dataSource;
    private final ActiveTenants activeTenants;
    private final Map<String, StoreJob> jobs = new LinkedHashMap<>();
    private final JobsProperties properties;
    private final Clock clock;
    private final JobRuns runs;
    private final JobMetrics metrics;
    private final String lockPrefix;
    private final Map<String, Set<String>> requested = new ConcurrentHashMap<>();
    private final Set<String> inPass = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> lastScan = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> contended = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failing = new ConcurrentHashMap<>();
    private final BackgroundLoop loop;
    private volatile ExecutorService passes;
    private volatile ExecutorService workers;

    public StoreJobRunner(DataSource dataSource, ActiveTenants activeTenants, List<StoreJob> jobs,
            JobsProperties properties, Clock clock) {
        this(dataSource, activeTenants, jobs, properties, clock, JobMetrics.NONE);
    }

    StoreJobRunner(DataSource dataSource, ActiveTenants activeTenants, List<StoreJob> jobs, JobsProperties properties,
            Clock clock, JobMetrics metrics) {
        this.dataSource = dataSource;
        this.activeTenants = activeTenants;
        for (StoreJob job : jobs) {
            if (!job.name().matches("[a-z][a-z0-9-]{0,59}")) {
                throw new IllegalArgumentException("job names are lower-case letters, digits and dashes: " + job.name());
            }
            if (this.jobs.put(job.name(), job) != null) {
                throw new IllegalArgumentException("two jobs are named " + job.name());
            }
            contended.put(job.name(), new AtomicLong());
            failing.put(job.name(), new AtomicLong());
        }
        this.properties = properties;
        this.clock = clock;
        this.runs = new JobRuns(dataSource, properties.schema());
        this.metrics = metrics;
        this.lockPrefix = "m4s.job." + properties.schema() + ".";
        this.passes = Executors.newFixedThreadPool(properties.passes(), daemon("store-job-pass"));
        this.workers = Executors.newFixedThreadPool(properties.parallelism(), daemon("store-job"));
        this.loop = new BackgroundLoop("store-jobs", Duration.ofSeconds(1), Duration.ofSeconds(30), this::schedule,
                (e, pause) -> log.warn("store job runner paused for {} s: {}", pause.toSeconds(), e.toString()),
                () -> { }, false, Duration.ofSeconds(5));
        metrics.register(this);
    }

    /** The jobs this runner runs, by name. */
    public Set<String> jobNames() {
        return jobs.keySet();
    }

    /**
     * Has {@code job} run for {@code storeCode} in its next pass, soon, whatever the store's due time (but not while it
     * backs off after a failure). For work that a commit just made, e.g. from a transaction's after-commit callback.
     */
    public void runSoon(String job, String storeCode) {
        if (!jobs.containsKey(job)) {
            throw new IllegalArgumentException("no job " + job);
        }
        requested.computeIfAbsent(job, j -> ConcurrentHashMap.newKeySet()).add(storeCode);
        loop.wakeUp();
    }

    /** Passes of {@code job} this instance skipped because another one held the job's lock. */
    public long lockContentions(String job) {
        AtomicLong count = contended.get(job);
        return count == null ? 0 : count.get();
    }

    /** Stores whose last run of {@code job} failed, as of this instance's last pass of it. */
    public long failingStores(String job) {
        AtomicLong count = failing.get(job);
        return count == null ? 0 : count.get();
    }

    JobRuns.JobView view(String job) {
        return runs.view(job, require(job).interval());
    }

    List<JobRuns.StoreRun> stores(String job, boolean failingOnly, int limit) {
        require(job);
        return runs.stores(job, failingOnly, limit);
    }

    boolean has(String job) {
        return jobs.containsKey(job);
    }

    private StoreJob require(String job) {
        StoreJob found = jobs.get(job);
        if (found == null) {
            throw new IllegalArgumentException("no job " + job);
        }
        return found;
    }

    @Override
    public synchronized void start() {
        if (passes.isShutdown()) {
            passes = Executors.newFixedThreadPool(properties.passes(), daemon("store-job-pass"));
            workers = Executors.newFixedThreadPool(properties.parallelism(), daemon("store-job"));
        }
        loop.start();
    }

    @Override
    public synchronized void stop() {
        loop.stop();
        passes.shutdown();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
            passes.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** The runner's own loop: starts a pass of each job that has requests or whose poll time came. */
    private void schedule(BackgroundLoop loop) {
        while (loop.isRunning()) {
            long now = System.nanoTime();
            for (StoreJob job : jobs.values()) {
                Set<String> asked = requested.get(job.name());
                Long last = lastScan.get(job.name());
                boolean due = last == null || now - last >= properties.poll().toNanos();
                if ((due || (asked != null && !asked.isEmpty())) && inPass.add(job.name())) {
                    lastScan.put(job.name(), now);
                    passes.execute(() -> {
                        try {
                            pass(job);
                        } catch (RuntimeException e) {
                            log.warn("a pass of job {} failed: {}", job.name(), e.toString());
                        } finally {
                            inPass.remove(job.name());
                            Set<String> left = requested.get(job.name());
                            if (left != null && !left.isEmpty()) {
                                loop.wakeUp();
                            }
                        }
                    });
                }
            }
            loop.awaitWork(properties.poll());
        }
    }

    /** One pass of {@code job} over its due stores, under the job's cluster-wide lock. */
    void pass(StoreJob job) {
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock, job.name())) {
                contended.get(job.name()).incrementAndGet();
                return;
            }
            try {
                runDue(job);
            } finally {
                unlock(lock, job.name());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("job " + job.name() + ": " + e, e);
        }
    }

    private void runDue(StoreJob job) {
        Instant now = clock.instant();
        Set<String> asked = drain(job.name());
        Set<String> selected = job.storesWithWork(now);
        Map<String, Long[]> marks = runs.dueMarks(job.name(), now);
        Map<String, JobRuns.NotDue> notDue = runs.notDue(job.name(), now);
        List<Tenant> due = new ArrayList<>();
        for (Tenant store : activeTenants.activeTenants()) {
            String code = store.storeCode();
            boolean request = asked.contains(code);
            if (!request && selected != null && !selected.contains(code) && !marks.containsKey(code)) {
                continue; // nothing to do there: its schema is not opened
            }
            JobRuns.NotDue waiting = notDue.get(code);
            if (waiting == null || (request && !waiting.backingOff())) {
                due.add(store);
            }
        }
        List<Future<?>> running = new ArrayList<>(due.size());
        for (Tenant store : due) {
            Long[] seen = marks.getOrDefault(store.storeCode(), new Long[0]);
            running.add(workers.submit(() -> runOne(job, store, seen)));
        }
        for (Future<?> run : running) {
            try {
                run.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                log.warn("job {} could not record a run: {}", job.name(), e.getCause().toString());
            }
        }
        if (!due.isEmpty()) {
            failing.get(job.name()).set(runs.failing(job.name()));
        }
    }

    private void runOne(StoreJob job, Tenant store, Long[] marks) {
        String code = store.storeCode();
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        runs.started(job.name(), code, started, started.plus(job.interval()));
        try {
            TenantContext.callAs(store, () -> {
                job.run(store);
                return null;
            });
        } catch (Exception e) {
            Instant finished = clock.instant();
            int failures = runs.failed(job.name(), code, finished, describe(e));
            Duration pause = properties.backOffAfter(failures);
            runs.dueAt(job.name(), code, finished.plus(pause));
            metrics.ran(job.name(), false, Duration.ofNanos(System.nanoTime() - t0));
            log.warn("job {} failed for store {} ({} in a row; next try in {} s): {}", job.name(), code, failures,
                    pause.toSeconds(), describe(e), e);
            return;
        }
        Instant finished = clock.instant();
        runs.succeeded(job.name(), code, finished, finished.plus(job.interval()));
        runs.clearMarks(marks);
        metrics.ran(job.name(), true, Duration.ofNanos(System.nanoTime() - t0));
    }

    private Set<String> drain(String job) {
        Set<String> asked = requested.get(job);
        if (asked == null || asked.isEmpty()) {
            return Set.of();
        }
        Set<String> taken = new HashSet<>();
        for (String code : List.copyOf(asked)) {
            if (asked.remove(code)) {
                taken.add(code);
            }
        }
        return taken;
    }

    private boolean tryLock(Connection c, String job) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
            q.setString(1, lockPrefix + job);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void unlock(Connection c, String job) {
        try (PreparedStatement q = c.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
            q.setString(1, lockPrefix + job);
            q.execute();
        } catch (SQLException e) {
            log.debug("could not release the lock of job {} (released with the connection): {}", job, e.toString());
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
