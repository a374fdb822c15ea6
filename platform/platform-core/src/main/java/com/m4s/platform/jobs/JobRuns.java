package com.m4s.platform.jobs;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The runner's records in the service's own schema, read and written as the service's login (never a store's role):
 * {@code job_run} holds one row per job and store it visited, {@code job_work} the marks of stores with work.
 */
class JobRuns {

    /** What an operator sees of one job. */
    record JobView(String name, Duration interval, long stores, long failingStores, @Nullable Instant lastStartedAt,
            @Nullable Instant lastFinishedAt) {
    }

    /** What an operator sees of one store's runs of a job. */
    record StoreRun(String storeCode, @Nullable Instant lastStartedAt, @Nullable Instant lastFinishedAt,
            @Nullable Instant lastSuccessAt, @Nullable String lastError, int consecutiveFailures, Instant nextDueAt) {
    }

    /** A store that is not due yet; {@code backingOff} when its last run failed. */
    record NotDue(boolean backingOff) {
    }

    private static final int MAX_ERROR = 2_000;

    private final JdbcTemplate jdbc;
    private final String runs;
    private final String work;

    JobRuns(DataSource dataSource, String schema) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.runs = schema + ".job_run";
        this.work = schema + ".job_work";
    }

    Map<String, NotDue> notDue(String job, Instant now) {
        Map<String, NotDue> result = new HashMap<>();
        jdbc.query("select store_code, consecutive_failures > 0 from " + runs + " where job = ? and next_due_at > ?",
                rs -> {
                    result.put(rs.getString(1), new NotDue(rs.getBoolean(2)));
                }, job, Timestamp.from(now));
        return result;
    }

    /** The ids of the job's marks due by {@code now}, per store. */
    Map<String, Long[]> dueMarks(String job, Instant now) {
        Map<String, Long[]> result = new HashMap<>();
        jdbc.query("select store_code, array_agg(id) from " + work + " where job = ? and due_at <= ? group by store_code",
                rs -> {
                    Array ids = rs.getArray(2);
                    result.put(rs.getString(1), (Long[]) ids.getArray());
                }, job, Timestamp.from(now));
        return result;
    }

    void clearMarks(Long[] ids) {
        if (ids.length > 0) {
            jdbc.update(c -> {
                var delete = c.prepareStatement("delete from " + work + " where id = any(?)");
                delete.setArray(1, c.createArrayOf("bigint", ids));
                return delete;
            });
        }
    }

    void started(String job, String store, Instant at, Instant nextDue) {
        jdbc.update("insert into " + runs + " (job, store_code, last_started_at, consecutive_failures, next_due_at)"
                + " values (?, ?, ?, 0, ?) on conflict (job, store_code) do update set last_started_at = excluded.last_started_at",
                job, store, Timestamp.from(at), Timestamp.from(nextDue));
    }

    void succeeded(String job, String store, Instant at, Instant nextDue) {
        jdbc.update("update " + runs + " set last_finished_at = ?, last_success_at = ?, last_error = null,"
                + " consecutive_failures = 0, next_due_at = ? where job = ? and store_code = ?",
                Timestamp.from(at), Timestamp.from(at), Timestamp.from(nextDue), job, store);
    }

    /** Records a failure; answers how many runs in a row have now failed. */
    int failed(String job, String store, Instant at, String error) {
        String text = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        Integer failures = jdbc.queryForObject("update " + runs + " set last_finished_at = ?, last_error = ?,"
                + " consecutive_failures = consecutive_failures + 1 where job = ? and store_code = ?"
                + " returning consecutive_failures", Integer.class, Timestamp.from(at), text, job, store);
        return failures == null ? 1 : failures;
    }

    void dueAt(String job, String store, Instant nextDue) {
        jdbc.update("update " + runs + " set next_due_at = ? where job = ? and store_code = ?",
                Timestamp.from(nextDue), job, store);
    }

    long failing(String job) {
        Long count = jdbc.queryForObject("select count(*) from " + runs + " where job = ? and consecutive_failures > 0",
                Long.class, job);
        return count == null ? 0 : count;
    }

    JobView view(String job, Duration interval) {
        return jdbc.queryForObject("select count(*), count(*) filter (where consecutive_failures > 0),"
                + " max(last_started_at), max(last_finished_at) from " + runs + " where job = ?",
                (rs, i) -> new JobView(job, interval, rs.getLong(1), rs.getLong(2), instant(rs, 3), instant(rs, 4)),
                job);
    }

    /** Failing stores first (most failures first), then by store code. */
    List<StoreRun> stores(String job, boolean failingOnly, int limit) {
        return jdbc.query("select store_code, last_started_at, last_finished_at, last_success_at, last_error,"
                + " consecutive_failures, next_due_at from " + runs + " where job = ?"
                + (failingOnly ? " and consecutive_failures > 0" : "")
                + " order by consecutive_failures desc, store_code limit ?",
                (rs, i) -> new StoreRun(rs.getString(1), instant(rs, 2), instant(rs, 3), instant(rs, 4),
                        rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant()), job, limit);
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
