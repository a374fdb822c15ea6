package com.m4s.store.tenant;

import com.m4s.platform.tenancy.TenancyProperties;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * This service's record of the stores it serves, in schema {@code console}. Looked up on every store request, so
 * answers are kept for a moment: a suspension reaches every instance within {@link #TTL}. Only stores that exist are
 * kept; an unknown code is looked up each time it is asked for and leaves nothing behind.
 */
@Component
public class TenantDirectory implements TenantRegistry, com.m4s.platform.tenancy.ActiveTenants {

    static final Duration TTL = Duration.ofSeconds(2);

    /** One row of the directory. */
    record Row(String storeCode, String schema, @Nullable String groupCode, String status, Instant updatedAt) {
    }

    private record Cached(Optional<Entry> entry, Instant until) {
    }

    private final JdbcTemplate jdbc;
    private final TenancyProperties tenancy;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Set<String> unavailable = ConcurrentHashMap.newKeySet();

    TenantDirectory(JdbcTemplate jdbc, TenancyProperties tenancy, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Override
    public Optional<Entry> find(String storeCode) {
        Instant now = clock.instant();
        Cached cached = cache.get(storeCode);
        if (cached == null || cached.until().isBefore(now)) {
            Optional<Entry> entry = load(storeCode);
            if (entry.isEmpty()) {
                // codes of no store are not kept: anyone may name any code in an anonymous request (decision 0020)
                cache.remove(storeCode);
                return entry;
            }
            cached = new Cached(entry, now.plus(TTL));
            cache.put(storeCode, cached);
        }
        return cached.entry();
    }

    /** Whether an answer for the code is held (for tests). */
    boolean isCached(String storeCode) {
        return cache.containsKey(storeCode);
    }

    /**
     * The store's row, read on a connection of its own: {@link #find} is also called inside a store's transaction,
     * whose connection works as the store's database role and may not read this table.
     */
    Optional<Row> row(String storeCode) {
        javax.sql.DataSource dataSource = java.util.Objects.requireNonNull(jdbc.getDataSource());
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement q = c.prepareStatement(
                "select store_code, schema_name, group_code, status, updated_at from console.tenant where store_code = ?")) {
            q.setString(1, storeCode);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(mapRow(rs, 0)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new org.springframework.dao.DataAccessResourceFailureException("could not read store " + storeCode, e);
        }
    }

    List<Row> rows() {
        return jdbc.query("select store_code, schema_name, group_code, status, updated_at from console.tenant order by store_code",
                TenantDirectory::mapRow);
    }

    /** Registers a store as being provisioned, or records its group if it is already known. */
    void register(Tenant tenant, String groupCode) {
        jdbc.update("""
                insert into console.tenant (store_code, schema_name, db_role, group_code, status, updated_at)
                values (?, ?, ?, ?, 'PROVISIONING', ?)
                on conflict (store_code) do update set group_code = excluded.group_code""",
                tenant.storeCode(), tenant.schema(), tenant.role(), groupCode, Timestamp.from(clock.instant()));
        forget(tenant.storeCode());
    }

    /** Marks a provisioned store ACTIVE unless it was suspended meanwhile. */
    void provisioned(String storeCode) {
        jdbc.update("""
                update console.tenant set status = 'ACTIVE', provisioned_at = coalesce(provisioned_at, ?), updated_at = ?
                where store_code = ? and status = 'PROVISIONING'""",
                Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), storeCode);
        forget(storeCode);
    }

    /** Sets ACTIVE or SUSPENDED on a provisioned store; false when the store is unknown or not provisioned. */
    boolean setStatus(String storeCode, Status status) {
        int updated = jdbc.update("""
                update console.tenant set status = ?, updated_at = ? where store_code = ? and status <> 'PROVISIONING'""",
                status.name(), Timestamp.from(clock.instant()), storeCode);
        forget(storeCode);
        return updated == 1;
    }

    /** Stores whose schema is in use and must be migrated at start-up. */
    List<Tenant> provisionedTenants() {
        return jdbc.queryForList("select store_code from console.tenant where status <> 'PROVISIONING' order by store_code",
                String.class).stream().map(tenancy::tenant).toList();
    }

    /** Stores serving requests now (active and migrated): background work runs in these. */
    @Override
    public List<Tenant> activeTenants() {
        return jdbc.queryForList("select store_code from console.tenant where status = 'ACTIVE' order by store_code",
                String.class).stream().filter(code -> !unavailable.contains(code)).map(tenancy::tenant).toList();
    }

    void markUnavailable(String storeCode) {
        unavailable.add(storeCode);
        forget(storeCode);
    }

    void markAvailable(String storeCode) {
        unavailable.remove(storeCode);
        forget(storeCode);
    }

    private void forget(String storeCode) {
        cache.remove(storeCode);
    }

    private Optional<Entry> load(String storeCode) {
        return row(storeCode).flatMap(row -> switch (row.status()) {
            case "ACTIVE" -> Optional.of(new Entry(tenancy.tenant(storeCode),
                    unavailable.contains(storeCode) ? Status.UNAVAILABLE : Status.ACTIVE, row.groupCode()));
            case "SUSPENDED" -> Optional.of(new Entry(tenancy.tenant(storeCode), Status.SUSPENDED, row.groupCode()));
            default -> Optional.empty();
        });
    }

    private static Row mapRow(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant());
    }
}
