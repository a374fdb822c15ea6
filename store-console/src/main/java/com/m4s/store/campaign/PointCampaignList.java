package com.m4s.store.campaign;

import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Problems;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.export.ExcelColumn;
import com.m4s.store.export.ExcelTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The store's point campaigns in plain SQL, one statement per page (decision 0021), each with its members' counts
 * and what the grant did, read from the member rows; the same filter for a page and an Excel export.
 */
@Component
class PointCampaignList {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "c.created_at", "name", "c.name", "status",
            "c.status", "submittedAt", "c.submitted_at", "pointsPerMember", "c.points_per_member");
    static final String TIE_BREAKER = "c.id";
    static final int EXPORT_FETCH_SIZE = 500;

    private static final String COLUMNS = "c.id, c.name, c.reason, c.points_per_member, c.status, c.created_by,"
            + " c.created_by_subject, c.created_at, c.submitted_at, c.reviewed_by, c.reviewed_at, c.review_note,"
            + " c.grant_started_at, c.grant_finished_at, c.version, n.members, n.done, n.granted, n.skipped, n.gone";
    private static final String COUNTS = " cross join lateral (select count(*) members,"
            + " count(*) filter (where m.outcome is not null) done,"
            + " count(*) filter (where m.outcome = 'GRANTED') granted,"
            + " count(*) filter (where m.outcome = 'SKIPPED') skipped,"
            + " count(*) filter (where m.skip_reason = 'MEMBER_GONE') gone"
            + " from point_campaign_member m where m.campaign_id = c.id) n";

    /** The list as an Excel file: what the list shows, the status in the caller's language. */
    static final ExcelTable<PointCampaignViews.PointCampaignView> EXPORT = ExcelTable.of("pointCampaigns",
            ExcelColumn.text("name", PointCampaignViews.PointCampaignView::name),
            ExcelColumn.text("reason", PointCampaignViews.PointCampaignView::reason),
            ExcelColumn.integer("pointsPerMember", PointCampaignViews.PointCampaignView::pointsPerMember),
            ExcelColumn.text("status", c -> Problems.message("export.pointCampaigns.status." + c.status())),
            ExcelColumn.integer("members", PointCampaignViews.PointCampaignView::members),
            ExcelColumn.integer("granted", PointCampaignViews.PointCampaignView::granted),
            ExcelColumn.integer("skipped", PointCampaignViews.PointCampaignView::skipped),
            ExcelColumn.text("createdBy", PointCampaignViews.PointCampaignView::createdBy),
            ExcelColumn.text("reviewedBy", PointCampaignViews.PointCampaignView::reviewedBy),
            ExcelColumn.dateTime("createdAt", PointCampaignViews.PointCampaignView::createdAt),
            ExcelColumn.dateTime("grantFinishedAt", PointCampaignViews.PointCampaignView::grantFinishedAt));

    private final JdbcClient jdbc;

    PointCampaignList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Filter(String from, Map<String, Object> parameters) {
    }

    private static Filter filter(@Nullable Collection<PointCampaignStatus> statuses, @Nullable String query) {
        StringBuilder from = new StringBuilder("from point_campaign c" + COUNTS + " where true");
        Map<String, Object> parameters = new HashMap<>();
        if (statuses != null && !statuses.isEmpty()) {
            from.append(" and c.status in (:statuses)");
            parameters.put("statuses", statuses.stream().map(Enum::name).toList());
        }
        if (query != null && !query.isBlank()) {
            from.append(" and (c.name ilike :q or c.reason ilike :q or c.created_by ilike :q)");
            parameters.put("q", "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
        }
        return new Filter(from.toString(), parameters);
    }

    /** A page of campaigns; runs in the caller's transaction. */
    PageResult<PointCampaignViews.PointCampaignView> page(@Nullable Collection<PointCampaignStatus> statuses,
            @Nullable String query, SqlPage page, String caller) {
        Filter filter = filter(statuses, query);
        return page.query(jdbc, COLUMNS, filter.from(), filter.parameters(), (rs, row) -> row(rs, caller));
    }

    /** Every campaign the list shows for this filter, one at a time (an export); how many. */
    long each(@Nullable Collection<PointCampaignStatus> statuses, @Nullable String query, SqlPage order,
            String caller, Consumer<PointCampaignViews.PointCampaignView> sink) {
        Filter filter = filter(statuses, query);
        return order.each(jdbc, "", COLUMNS, filter.from(), filter.parameters(), EXPORT_FETCH_SIZE,
                (rs, row) -> row(rs, caller), sink);
    }

    /** One campaign as the list shows it; runs in the caller's transaction. */
    PointCampaignViews.PointCampaignView one(UUID id, String caller) {
        return jdbc.sql("select " + COLUMNS + " from point_campaign c" + COUNTS + " where c.id = :id")
                .param("id", id).query((rs, row) -> row(rs, caller)).single();
    }

    /** A page of the campaign's members with their names and phones (a deleted member: none). */
    PageResult<PointCampaignViews.PointCampaignMemberView> members(UUID id, SqlPage page) {
        return page.query(jdbc, "m.member_id, p.name, p.phone, m.chosen_by, m.outcome, m.skip_reason",
                "from point_campaign_member m left join member p on p.id = m.member_id where m.campaign_id = :id",
                Map.of("id", id), (rs, row) -> new PointCampaignViews.PointCampaignMemberView(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
    }

    static final Map<String, String> MEMBER_SORTABLE = Map.of("name", "p.name", "addedAt", "m.created_at");
    static final String MEMBER_TIE_BREAKER = "m.id";

    private static PointCampaignViews.PointCampaignView row(ResultSet rs, String caller) throws SQLException {
        PointCampaignStatus status = PointCampaignStatus.valueOf(rs.getString("status"));
        return new PointCampaignViews.PointCampaignView(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("reason"), rs.getLong("points_per_member"), status, rs.getString("created_by"),
                instant(rs, "created_at"), nullable(rs, "submitted_at"), rs.getString("reviewed_by"),
                nullable(rs, "reviewed_at"), rs.getString("review_note"), nullable(rs, "grant_started_at"),
                nullable(rs, "grant_finished_at"), rs.getLong("members"), rs.getLong("done"), rs.getLong("granted"),
                0, rs.getLong("skipped"), rs.getLong("gone"), caller.equals(rs.getString("created_by_subject")),
                status.allowed(), rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullable(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
