package com.m4s.store.tenant;

import com.m4s.platform.tenancy.TenancyProperties;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.time.StoreTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * This service's record of the stores it serves, in schema {@code console}, with each store's time zone. Looked up on
 * every store request, so answers are kept for a moment: a suspension reaches every instance within {@link #TTL}
 * (measured on the monotonic timer, not the {@link Clock}: a test moving the clock does not pin or flush entries).
 * Only stores that exist are kept; an unknown code is looked up each time it is asked for and leaves nothing behind.
 * Each row also records the store changelog fingerprint the store's schema was last migrated to; which stores this
 * instance is still migrating, or could not migrate, it keeps in memory.
 */
@Component
public class TenantDirectory implements TenantRegistry, com.m4s.platform.tenancy.ActiveTenants {

    static final Duration TTL = Duration.ofSeconds(2);
    /** The statuses whose stores serve requests (read-only ones reads only). */
    private static final Set<String> IN_SERVICE = Set.of("ACTIVE", "READ_ONLY");
    private static final String COLUMNS =
            "store_code, schema_name, group_code, status, time_zone, updated_at, name, address, phone";

    /** One row of the directory; name, address and phone are null until tenant-admin has told them. */
    record Row(String storeCode, String schema, @Nullable String groupCode, String status, String timeZone,
            Instant updatedAt, @Nullable String name, @Nullable String address, @Nullable String phone) {

        StoreCard card() {
            return new StoreCard(storeCode, name == null ? storeCode : name, address, phone, timeZone);
        }
    }

    /**
     * What people read about a store, wherever a store is shown to them (owner app, market, sign-up): its name
     * (the code for a store whose name was never told), address, phone and time zone.
     */
    public record StoreCard(String code, String name, @Nullable String address, @Nullable String phone,
            String timeZone) {
    }

    /** What tenant-admin tells about a store: its name, address and phone (null: none). */
    record Details(String name, @Nullable String address, @Nullable String phone) {
    }

    private record Cached(Optional<Entry> entry, long untilNanos) {
    }

    private final JdbcTemplate jdbc;
    /** Where entries that ran out are read again: the application's task executor, off every request's thread. */
    private final org.springframework.core.task.TaskExecutor refresher;
    private final TenancyProperties tenancy;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** Stores whose entry one request is reading again now. */
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    /** Counts this instance's own changes: a background read begun before one is not kept. */
    private final java.util.concurrent.atomic.AtomicLong forgets = new java.util.concurrent.atomic.AtomicLong();
    private final Set<String> unavailable = ConcurrentHashMap.newKeySet();
    private final Set<String> migrating = ConcurrentHashMap.newKeySet();

    /** The provisioned stores split by whether their schema was last migrated to the fingerprint asked about. */
    record FingerprintCheck(int upToDate, List<Tenant> stale) {
    }

    TenantDirectory(JdbcTemplate jdbc, TenancyProperties tenancy, Clock clock,
            @org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor")
            org.springframework.core.task.TaskExecutor refresher) {
        this.jdbc = jdbc;
        this.refresher = refresher;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /**
     * The store's entry, read again at most every {@link #TTL}. When the entry held has run out it is read again in
     * the background (on a connection of its own, one read per store at a time) while every request goes on with the
     * entry held: no request thread ever waits for a second connection to learn a store it knows. A request inside a
     * transaction holding a row lock (a posting, a gift's stock) asks for the store's zone or group; had the lock
     * holder to wait for the pool while the requests waiting for its lock held every connection, all of them would
     * wait until the pool's timeout failed them (seen with 200 concurrent redemptions of one gift). Only a store not
     * known yet is read on the request's thread.
     */
    @Override
    public Optional<Entry> find(String storeCode) {
        long now = System.nanoTime();
        Cached cached = cache.get(storeCode);
        if (cached != null) {
            if (cached.untilNanos() - now < 0 && refreshing.add(storeCode)) {
                long seen = forgets.get();
                refresher.execute(() -> refresh(storeCode, seen));
            }
            return cached.entry();
        }
        Optional<Entry> entry = load(storeCode);
        if (entry.isPresent()) {
            cache.put(storeCode, new Cached(entry, now + TTL.toNanos()));
        }
        // codes of no store are not kept: anyone may name any code in an anonymous request (decision 0020)
        return entry;
    }

    /** Reads a known store's row again; a change this instance made meanwhile ({@link #forget}) wins over it. */
    private void refresh(String storeCode, long seen) {
        try {
            long now = System.nanoTime();
            Optional<Entry> entry = load(storeCode);
            if (forgets.get() != seen) {
                return;
            }
            if (entry.isEmpty()) {
                cache.remove(storeCode);
            } else {
                cache.put(storeCode, new Cached(entry, now + TTL.toNanos()));
            }
        } catch (RuntimeException e) {
            // the database out of reach: the entry held serves until a read succeeds
            org.slf4j.LoggerFactory.getLogger(TenantDirectory.class).warn("store {}: directory not read again: {}",
                    storeCode, e.toString());
        } finally {
            refreshing.remove(storeCode);
        }
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
        List<Row> found = new java.util.ArrayList<>(1);
        query("select " + COLUMNS + " from console.tenant where store_code = ?", q -> q.setString(1, storeCode),
                found::add);
        return found.stream().findFirst();
    }

    List<Row> rows() {
        return jdbc.query("select " + COLUMNS + " from console.tenant order by store_code", TenantDirectory::mapRow);
    }

    /**
     * Registers a store as being provisioned, or records its group and time zone if it is already known. Without a
     * zone, a new store gets {@link StoreTime#DEFAULT_ZONE} and a known one keeps its own.
     */
    void register(Tenant tenant, String groupCode, @Nullable ZoneId timeZone, @Nullable Details details) {
        // no conflict target: every unique index (the code's and the schema's) is an arbiter, so two first calls at
        // once cannot fail on the schema's index while the code's absorbs the conflict; the update then records the
        // group and zone whether the row is new or known
        jdbc.update("""
                insert into console.tenant (store_code, schema_name, db_role, group_code, time_zone, status, updated_at)
                values (?, ?, ?, ?, coalesce(cast(? as varchar), ?), 'PROVISIONING', ?)
                on conflict do nothing""",
                tenant.storeCode(), tenant.schema(), tenant.role(), groupCode, zoneId(timeZone),
                StoreTime.DEFAULT_ZONE.getId(), Timestamp.from(clock.instant()));
        jdbc.update("update console.tenant set group_code = ?, time_zone = coalesce(cast(? as varchar), time_zone)"
                + " where store_code = ?", groupCode, zoneId(timeZone), tenant.storeCode());
        if (details != null) {
            describe(tenant.storeCode(), details);
        }
        forget(tenant.storeCode());
    }

    /** Records the store's name, address and phone; false when the store is unknown here. */
    boolean describe(String storeCode, Details details) {
        int updated = jdbc.update("update console.tenant set name = ?, address = ?, phone = ?, updated_at = ?"
                + " where store_code = ?", details.name(), details.address(), details.phone(),
                Timestamp.from(clock.instant()), storeCode);
        forget(storeCode);
        return updated == 1;
    }

    /**
     * The card of a store that serves requests (active, or read-only: its card is a read), read on a connection of its
     * own like {@link #row}.
     */
    public Optional<StoreCard> card(String storeCode) {
        return row(storeCode).filter(r -> IN_SERVICE.contains(r.status())).map(Row::card);
    }

    /**
     * The cards of the given stores that are known here (active or suspended: a suspended store's cars may still be
     * in a search index), by code, in one statement on a connection of its own.
     */
    public Map<String, StoreCard> cards(java.util.Collection<String> storeCodes) {
        if (storeCodes.isEmpty()) {
            return Map.of();
        }
        Map<String, StoreCard> cards = new java.util.TreeMap<>();
        query("select " + COLUMNS + " from console.tenant where store_code = any(?) and status <> 'PROVISIONING'",
                q -> q.setArray(1, q.getConnection().createArrayOf("varchar", storeCodes.toArray())),
                row -> cards.put(row.storeCode(), row.card()));
        return cards;
    }

    /**
     * Active stores whose name or code contains {@code text} (every active store when it is blank), by name, at most
     * {@code limit}: the stores a person signing up as an owner picks from.
     */
    public List<StoreCard> activeCards(@Nullable String text, int limit) {
        String like = com.m4s.platform.web.Like.contains(text);
        List<StoreCard> cards = new java.util.ArrayList<>();
        query("select " + COLUMNS + " from console.tenant where status = 'ACTIVE'"
                + " and (lower(coalesce(name, '')) like ? escape '\\' or store_code like ? escape '\\') order by coalesce(name, store_code),"
                + " store_code limit ?", q -> {
                    q.setString(1, like);
                    q.setString(2, like);
                    q.setInt(3, limit);
                }, row -> {
                    if (!unavailable.contains(row.storeCode()) && !migrating.contains(row.storeCode())) {
                        cards.add(row.card());
                    }
                });
        return cards;
    }

    private interface Binder {
        void bind(java.sql.PreparedStatement statement) throws SQLException;
    }

    /** A query of this table on a connection of its own (see {@link #row}). */
    private void query(String sql, Binder binder, java.util.function.Consumer<Row> each) {
        javax.sql.DataSource dataSource = java.util.Objects.requireNonNull(jdbc.getDataSource());
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement q = c.prepareStatement(sql)) {
            binder.bind(q);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    each.accept(mapRow(rs, 0));
                }
            }
        } catch (SQLException e) {
            throw new org.springframework.dao.DataAccessResourceFailureException("could not read the stores", e);
        }
    }

    /** Marks a provisioned store ACTIVE unless it was suspended meanwhile. */
    void provisioned(String storeCode) {
        jdbc.update("""
                update console.tenant set status = 'ACTIVE', provisioned_at = coalesce(provisioned_at, ?), updated_at = ?
                where store_code = ? and status = 'PROVISIONING'""",
                Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), storeCode);
        forget(storeCode);
    }

    /**
     * Sets ACTIVE, READ_ONLY or SUSPENDED on a provisioned store; false when the store is unknown or not provisioned.
     */
    boolean setStatus(String storeCode, Status status) {
        int updated = jdbc.update("""
                update console.tenant set status = ?, updated_at = ? where store_code = ? and status <> 'PROVISIONING'""",
                status.name(), Timestamp.from(clock.instant()), storeCode);
        forget(storeCode);
        return updated == 1;
    }

    /**
     * One query over every store whose schema is in use: those last migrated to {@code fingerprint} are up to date,
     * the others (another fingerprint, or none recorded) must be migrated.
     */
    FingerprintCheck checkFingerprints(String fingerprint) {
        List<Tenant> stale = new java.util.ArrayList<>();
        int[] upToDate = {0};
        jdbc.query("""
                select store_code, schema_fingerprint is not distinct from ? from console.tenant
                where status <> 'PROVISIONING' order by store_code""", rs -> {
            if (rs.getBoolean(2)) {
                upToDate[0]++;
            } else {
                stale.add(tenancy.tenant(rs.getString(1)));
            }
        }, fingerprint);
        return new FingerprintCheck(upToDate[0], List.copyOf(stale));
    }

    /** Records that the store's schema has every change set of the changelog with this fingerprint. */
    void recordMigrated(String storeCode, String fingerprint) {
        jdbc.update("update console.tenant set schema_fingerprint = ?, schema_migrated_at = ? where store_code = ?",
                fingerprint, Timestamp.from(clock.instant()), storeCode);
    }

    /**
     * Stores serving requests now (active or read-only, and migrated): background work runs in these. A read-only
     * store's jobs go on (decision 0047): read-only stops people's writes, not what the store owes its members (expiry,
     * care messages), so nothing is missing when it is writable again.
     */
    @Override
    public List<Tenant> activeTenants() {
        return jdbc.queryForList("select store_code from console.tenant where status in ('ACTIVE', 'READ_ONLY')"
                + " order by store_code",
                String.class).stream().filter(code -> !unavailable.contains(code) && !migrating.contains(code))
                .map(tenancy::tenant).toList();
    }

    /** The store's schema is behind this build's changelog: it answers 503 until {@link #markAvailable}. */
    void markMigrating(String storeCode) {
        migrating.add(storeCode);
        forget(storeCode);
    }

    /** The store's schema could not be migrated: it answers 503 until provisioning it again succeeds. */
    void markUnavailable(String storeCode) {
        unavailable.add(storeCode);
        migrating.remove(storeCode);
        forget(storeCode);
    }

    void markAvailable(String storeCode) {
        unavailable.remove(storeCode);
        migrating.remove(storeCode);
        forget(storeCode);
    }

    private void forget(String storeCode) {
        forgets.incrementAndGet();
        cache.remove(storeCode);
    }

    private Optional<Entry> load(String storeCode) {
        return row(storeCode).flatMap(row -> switch (row.status()) {
            case "ACTIVE" -> Optional.of(new Entry(tenancy.tenant(storeCode), unavailable.contains(storeCode)
                    ? Status.UNAVAILABLE : migrating.contains(storeCode) ? Status.MIGRATING : Status.ACTIVE,
                    row.groupCode(), ZoneId.of(row.timeZone())));
            case "READ_ONLY" -> Optional.of(new Entry(tenancy.tenant(storeCode), unavailable.contains(storeCode)
                    ? Status.UNAVAILABLE : migrating.contains(storeCode) ? Status.MIGRATING : Status.READ_ONLY,
                    row.groupCode(), ZoneId.of(row.timeZone())));
            case "SUSPENDED" -> Optional.of(new Entry(tenancy.tenant(storeCode), Status.SUSPENDED, row.groupCode(),
                    ZoneId.of(row.timeZone())));
            default -> Optional.empty();
        });
    }

    private static @Nullable String zoneId(@Nullable ZoneId zone) {
        return zone == null ? null : zone.getId();
    }

    private static Row mapRow(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), rs.getString(9));
    }
}
