package com.m4s.store.pointtask;

import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The store's point tasks in plain SQL, one statement per page (decision 0021): the tasks in the given states (all
 * when none given). What each granted is added from the ledger by the service.
 */
@Component
class PointTaskList {

    /** API sort keys and the columns behind them. */
    static final Map<String, String> SORTABLE = Map.of("createdAt", "t.created_at", "name", "t.name", "validFrom",
            "t.valid_from", "status", "t.status");
    static final String TIE_BREAKER = "t.id";

    private static final String COLUMNS = "t.id, t.name, t.description, t.trigger_type, t.reward_kind, t.points,"
            + " t.points_per_yuan, t.member_limit, t.valid_from, t.valid_until, t.status, t.published_at, t.ended_at,"
            + " t.created_by, t.created_at, t.version";

    private final JdbcClient jdbc;

    PointTaskList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of tasks, their ledger totals still zero (the service adds them); runs in the caller's transaction, on
     * its store's connection.
     */
    PageResult<PointTaskViews.PointTaskView> page(@Nullable Collection<PointTaskStatus> statuses, SqlPage page) {
        StringBuilder from = new StringBuilder("from point_task t where true");
        Map<String, Object> parameters = new HashMap<>();
        if (statuses != null && !statuses.isEmpty()) {
            from.append(" and t.status in (:statuses)");
            parameters.put("statuses", statuses.stream().map(Enum::name).toList());
        }
        return page.query(jdbc, COLUMNS, from.toString(), parameters, PointTaskList::row);
    }

    private static PointTaskViews.PointTaskView row(ResultSet rs, int row) throws SQLException {
        long points = rs.getLong("points");
        Long fixed = rs.wasNull() ? null : points;
        PointTaskStatus status = PointTaskStatus.valueOf(rs.getString("status"));
        return new PointTaskViews.PointTaskView(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("description"), PointTaskTrigger.valueOf(rs.getString("trigger_type")),
                PointTaskReward.valueOf(rs.getString("reward_kind")), fixed, rs.getBigDecimal("points_per_yuan"),
                PointTaskLimit.valueOf(rs.getString("member_limit")), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), status, instant(rs, "published_at"),
                instant(rs, "ended_at"), rs.getString("created_by"), rs.getObject("created_at",
                OffsetDateTime.class).toInstant(), 0, 0, status.allowed(), rs.getLong("version"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
