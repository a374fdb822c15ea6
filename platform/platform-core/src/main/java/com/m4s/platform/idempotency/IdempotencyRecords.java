package com.m4s.platform.idempotency;

import com.m4s.platform.tenancy.SchemaPerTenantConnectionProvider;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The {@code idempotency_record} table of the request's place: the current store's schema (as the store's role) or,
 * outside a store, the service's own schema. Each call is one auto-committed statement, so a claim is visible to
 * every other request the moment it is made; in a store, one round trip with its role switch. Uniqueness of (caller, key) is the table's primary key.
 */
class IdempotencyRecords {

    enum State { IN_FLIGHT, COMPLETED }

    /** A stored answer: what the first request got. */
    record Answer(int status, @Nullable String contentType, @Nullable String location, byte[] body) {
    }

    record Row(String fingerprint, UUID claimId, State state, @Nullable Answer answer, Instant expiresAt) {
    }

    private final DataSource dataSource;
    private final @Nullable String serviceSchema;

    IdempotencyRecords(DataSource dataSource, @Nullable String serviceSchema) {
        this.dataSource = dataSource;
        this.serviceSchema = serviceSchema;
    }

    /** Takes the key for a new request; false when a record for it exists already. */
    boolean claim(String subject, String key, String fingerprint, UUID claimId, Instant now, Instant expiresAt) {
        return run("insert into %s (caller_subject, idempotency_key, fingerprint, claim_id, state, created_at,"
                + " expires_at) values (?, ?, ?, ?, 'IN_FLIGHT', ?, ?)"
                + " on conflict (caller_subject, idempotency_key) do nothing returning 1", s -> {
                    s.setString(1, subject);
                    s.setString(2, key);
                    s.setString(3, fingerprint);
                    s.setObject(4, claimId);
                    s.setTimestamp(5, Timestamp.from(now));
                    s.setTimestamp(6, Timestamp.from(expiresAt));
                }, ResultSet::next);
    }

    Optional<Row> find(String subject, String key) {
        return run("select fingerprint, claim_id, state, status, content_type, location, body, expires_at from %s"
                + " where caller_subject = ? and idempotency_key = ?", s -> {
                    s.setString(1, subject);
                    s.setString(2, key);
                }, r -> {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    State state = State.valueOf(r.getString("state"));
                    Answer answer = state == State.COMPLETED ? new Answer(r.getInt("status"),
                            r.getString("content_type"), r.getString("location"), bytes(r.getBytes("body"))) : null;
                    return Optional.of(new Row(r.getString("fingerprint"), r.getObject("claim_id", UUID.class), state,
                            answer, r.getTimestamp("expires_at").toInstant()));
                });
    }

    /** Stores the answer of the request that holds the claim. */
    void complete(String subject, String key, UUID claimId, Answer answer, Instant now) {
        run("update %s set state = 'COMPLETED', status = ?, content_type = ?, location = ?, body = ?, completed_at = ?"
                + " where caller_subject = ? and idempotency_key = ? and claim_id = ? returning 1", s -> {
                    s.setInt(1, answer.status());
                    s.setString(2, answer.contentType());
                    s.setString(3, answer.location());
                    s.setBytes(4, answer.body());
                    s.setTimestamp(5, Timestamp.from(now));
                    s.setString(6, subject);
                    s.setString(7, key);
                    s.setObject(8, claimId);
                }, ResultSet::next);
    }

    /**
     * A completed record with its answer in one statement: taken when the key has none or only an expired one.
     * False when the key has a live record (a request that holds it is waited for).
     */
    private static final String KEEP_ANSWERED = "insert into %s as r (caller_subject, idempotency_key, fingerprint,"
            + " claim_id, state, status, content_type, location, body, created_at, completed_at, expires_at)"
            + " values (?, ?, ?, ?, 'COMPLETED', ?, ?, ?, ?, ?, ?, ?) on conflict (caller_subject, idempotency_key)"
            + " do update set fingerprint = excluded.fingerprint, claim_id = excluded.claim_id, state = excluded.state,"
            + " status = excluded.status, content_type = excluded.content_type, location = excluded.location,"
            + " body = excluded.body, created_at = excluded.created_at, completed_at = excluded.completed_at,"
            + " expires_at = excluded.expires_at where r.expires_at <= excluded.created_at returning 1";

    /** Keeps a request's answer on its own (auto-committed), the key not claimed before. */
    boolean keepAnswered(String subject, String key, String fingerprint, Answer answer, Instant now,
            Instant expiresAt) {
        return run(KEEP_ANSWERED, s -> bindAnswered(s, subject, key, fingerprint, answer, now, expiresAt),
                ResultSet::next);
    }

    /**
     * Keeps a request's answer in the transaction of {@code connection}, the one its work ran in (so its role and
     * search path are the store's already).
     */
    boolean keepAnswered(Connection connection, String subject, String key, String fingerprint, Answer answer,
            Instant now, Instant expiresAt) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(KEEP_ANSWERED.formatted(table()))) {
            bindAnswered(s, subject, key, fingerprint, answer, now, expiresAt);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static void bindAnswered(PreparedStatement s, String subject, String key, String fingerprint,
            Answer answer, Instant now, Instant expiresAt) throws SQLException {
        s.setString(1, subject);
        s.setString(2, key);
        s.setString(3, fingerprint);
        s.setObject(4, UUID.randomUUID());
        s.setInt(5, answer.status());
        s.setString(6, answer.contentType());
        s.setString(7, answer.location());
        s.setBytes(8, answer.body());
        s.setTimestamp(9, Timestamp.from(now));
        s.setTimestamp(10, Timestamp.from(now));
        s.setTimestamp(11, Timestamp.from(expiresAt));
    }

    /** The record table of the request's place. */
    private String table() {
        return TenantContext.current().map(t -> t.schema() + ".idempotency_record")
                .orElse(serviceSchema + ".idempotency_record");
    }

    /** Gives the key up again (the request failed on the server side), so a retry runs anew. */
    void release(String subject, String key, UUID claimId) {
        delete(subject, key, "claim_id = ?", claimId);
    }

    /** Removes a record that has outlived its time, so the key can be claimed again. */
    void removeExpired(String subject, String key, Instant now) {
        delete(subject, key, "expires_at <= ?", Timestamp.from(now));
    }

    private void delete(String subject, String key, String condition, Object value) {
        run("delete from %s where caller_subject = ? and idempotency_key = ? and " + condition + " returning 1", s -> {
            s.setString(1, subject);
            s.setString(2, key);
            s.setObject(3, value);
        }, ResultSet::next);
    }

    /** Whether a request here has a place for its records (in a store, or in a service that names its schema). */
    boolean available() {
        return TenantContext.current().isPresent() || serviceSchema != null;
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /**
     * Runs one statement on the record table ({@code %s} in {@code sql}), auto-committed. In a store it runs as the
     * store's role: the role switch, the statement and the reset go to the server together as one batch of messages,
     * one round trip instead of three (decision 0017, "Cost"). If anything fails, the connection is discarded rather
     * than handed back to the pool with the store's role possibly still set.
     */
    private <T> T run(String sql, Binder binder, Reader<T> reader) {
        Optional<Tenant> tenant = TenantContext.current();
        String statement = tenant.isEmpty() ? sql.formatted(table())
                : SchemaPerTenantConnectionProvider.enterStatement(tenant.get()) + "; " + sql.formatted(table()) + "; "
                        + SchemaPerTenantConnectionProvider.LEAVE_STATEMENT;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement(statement)) {
                binder.bind(s);
                boolean rows = s.execute();
                for (int i = 0; tenant.isPresent() && i < SchemaPerTenantConnectionProvider.ENTER_RESULTS; i++) {
                    rows = s.getMoreResults();
                }
                while (rows || s.getUpdateCount() != -1) {
                    if (rows) {
                        try (ResultSet r = s.getResultSet()) {
                            return reader.read(r);
                        }
                    }
                    rows = s.getMoreResults();
                }
                throw new SQLException("the idempotency record statement returned no rows: " + sql);
            } catch (SQLException | RuntimeException e) {
                if (tenant.isPresent()) {
                    c.abort(Runnable::run);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("idempotency record: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(byte @Nullable [] body) {
        return body == null ? new byte[0] : body;
    }
}
