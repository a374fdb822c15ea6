package com.m4s.store.points;

import com.m4s.platform.jobs.FullSweeps;
import com.m4s.platform.jobs.MarkedStoreJob;
import com.m4s.platform.tenancy.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-store job {@value #JOB} (decision 0016): pending points whose refund window has passed on the store's
 * clock become available, one source (repair order line) at a time, each in its own transaction with the member's
 * balance locked. Grants mark the store's work at their due time; every active store is also visited at start-up
 * and every 6 h. Running twice does nothing more (an activation's key is its source's).
 */
@Component
class PointsActivation extends MarkedStoreJob {

    static final String JOB = "points-activation";
    private static final Duration FULL_SWEEP = Duration.ofHours(6);
    private static final Logger log = LoggerFactory.getLogger(PointsActivation.class);

    /** A source with pending points due. */
    private record Due(UUID memberId, SourceType type, UUID sourceId, @Nullable String ref) {
    }

    private final Points points;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    PointsActivation(Points points, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        super(JOB, Duration.ofMinutes(10), new FullSweeps(FULL_SWEEP));
        this.points = points;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(Tenant store) {
        int activated = activateDue();
        if (activated > 0) {
            log.info("points activation of store {}: {} sources made available", store.storeCode(), activated);
        }
    }

    /** Activates every due source of the current store; how many. */
    int activateDue() {
        Instant now = clock.instant();
        List<Due> due = tx.execute(status -> jdbc.sql("""
                select g.member_id, g.source_type, g.source_id, min(g.source_ref) as ref from points_entry g
                where g.kind = 'GRANT_PENDING' and g.activates_at <= :now and g.source_id is not null
                  and not exists (select 1 from points_entry a where a.source_id = g.source_id and a.kind = 'ACTIVATE')
                  and (select sum(p.pending_delta) from points_entry p where p.source_id = g.source_id) > 0
                group by g.member_id, g.source_type, g.source_id
                order by min(g.activates_at)""").param("now", java.sql.Timestamp.from(now))
                .query((rs, row) -> new Due(rs.getObject(1, UUID.class), SourceType.valueOf(rs.getString(2)),
                        rs.getObject(3, UUID.class), rs.getString(4))).list());
        int activated = 0;
        for (Due d : java.util.Objects.requireNonNull(due)) {
            Points.Posted posted = tx.execute(status -> points.activate(d.memberId(),
                    new Points.Source(d.type(), d.sourceId(), d.ref()), "system"));
            if (posted != null && posted.entryId() != null) {
                activated++;
            }
        }
        return activated;
    }
}
