package com.m4s.store.points;

import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A member's ledger entries in plain SQL, one statement per page (decision 0021). */
@Component
public class PointsHistory {

    /** An entry as staff and the owner see it: what moved, why (the source) and by which rules. */
    public record EntryView(UUID id, EntryKind kind, long available, long pending, long debt, SourceType sourceType,
            @Nullable UUID sourceId, @Nullable String sourceRef, @Nullable String reason,
            @Nullable Integer ruleVersion, @Nullable Instant activatesAt, String createdBy, Instant createdAt) {
    }

    /** API sort keys and the columns behind them. */
    static final Map<String, String> SORTABLE = Map.of("createdAt", "e.created_at");
    static final String TIE_BREAKER = "e.id";

    private static final String COLUMNS = "e.id, e.kind, e.available_delta, e.pending_delta, e.debt_delta,"
            + " e.source_type, e.source_id, e.source_ref, e.reason, e.rule_version, e.activates_at, e.created_by,"
            + " e.created_at";
    private static final String FROM = "from points_entry e where e.member_id = :member";

    private final JdbcClient jdbc;

    PointsHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs in the caller's transaction. */
    PageResult<EntryView> page(UUID member, SqlPage page) {
        return page.query(jdbc, COLUMNS, FROM, Map.of("member", member), PointsHistory::row);
    }

    Map<UUID, Points.SourceTotal> totalsBySource(Collection<UUID> sources) {
        Map<UUID, Points.SourceTotal> totals = new HashMap<>();
        if (sources.isEmpty()) {
            return totals;
        }
        jdbc.sql("select source_id, count(distinct member_id), sum(earned_delta) from points_entry"
                + " where source_id in (:sources) group by source_id").param("sources", sources)
                .query((ResultSet rs) -> {
                    totals.put(rs.getObject(1, UUID.class), new Points.SourceTotal(rs.getLong(2), rs.getLong(3)));
                });
        return totals;
    }

    java.util.List<Points.CauseTotal> givenFor(SourceType type, UUID cause) {
        return jdbc.sql("select member_id, source_id, sum(earned_delta) from points_entry where cause_id = :cause"
                + " and source_type = :type and source_id is not null group by member_id, source_id"
                + " order by min(created_at), source_id")
                .param("cause", cause).param("type", type.name())
                .query((rs, row) -> new Points.CauseTotal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getLong(3))).list();
    }

    Map<UUID, Long> earnedBySource(Collection<UUID> sources) {
        Map<UUID, Long> earned = new HashMap<>();
        if (sources.isEmpty()) {
            return earned;
        }
        jdbc.sql("select source_id, sum(earned_delta) from points_entry where source_id in (:sources)"
                + " group by source_id").param("sources", sources)
                .query((ResultSet rs) -> {
                    earned.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
        return earned;
    }

    private static EntryView row(ResultSet rs, int row) throws SQLException {
        OffsetDateTime activates = rs.getObject("activates_at", OffsetDateTime.class);
        Integer version = rs.getObject("rule_version", Integer.class);
        return new EntryView(rs.getObject("id", UUID.class), EntryKind.valueOf(rs.getString("kind")),
                rs.getLong("available_delta"), rs.getLong("pending_delta"), rs.getLong("debt_delta"),
                SourceType.valueOf(rs.getString("source_type")), rs.getObject("source_id", UUID.class),
                rs.getString("source_ref"), rs.getString("reason"), version,
                activates == null ? null : activates.toInstant(), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
