package com.m4s.store.transfer;

import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Problems;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.export.ExcelColumn;
import com.m4s.store.export.ExcelTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The store's transfers in plain SQL, one statement per page (decision 0021), with both members' names and phones;
 * the same filter for a page and an Excel export.
 */
@Component
public class PointTransferList {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "t.created_at", "points", "t.points", "status",
            "t.status");
    static final String TIE_BREAKER = "t.id";
    static final int EXPORT_FETCH_SIZE = 500;

    private static final String COLUMNS = "t.id, t.from_member_id, f.name from_name, f.phone from_phone,"
            + " t.to_member_id, r.name to_name, r.phone to_phone, t.points, t.status, t.created_at, t.created_by,"
            + " t.reversed_at, t.reversed_by, t.reverse_reason, t.version";
    private static final String FROM = "from point_transfer t left join member f on f.id = t.from_member_id"
            + " left join member r on r.id = t.to_member_id";

    /** The list as an Excel file: what the list shows, the status in the caller's language. */
    static final ExcelTable<PointTransferViews.PointTransferView> EXPORT = ExcelTable.of("pointTransfers",
            ExcelColumn.dateTime("createdAt", PointTransferViews.PointTransferView::createdAt),
            ExcelColumn.text("fromName", PointTransferViews.PointTransferView::fromName),
            ExcelColumn.text("fromPhone", PointTransferViews.PointTransferView::fromPhone),
            ExcelColumn.text("toName", PointTransferViews.PointTransferView::toName),
            ExcelColumn.text("toPhone", PointTransferViews.PointTransferView::toPhone),
            ExcelColumn.integer("points", PointTransferViews.PointTransferView::points),
            ExcelColumn.text("status", t -> Problems.message("export.pointTransfers.status." + t.status())),
            ExcelColumn.dateTime("reversedAt", PointTransferViews.PointTransferView::reversedAt),
            ExcelColumn.text("reversedBy", PointTransferViews.PointTransferView::reversedBy),
            ExcelColumn.text("reverseReason", PointTransferViews.PointTransferView::reverseReason));

    /**
     * What the list shows: made from/to (both inclusive: the console sends the first and the last instant of store
     * days), one member on either side, statuses, and a phone (or part of one) of either member.
     */
    public record Filter(@Nullable Instant from, @Nullable Instant to, @Nullable UUID member,
            @Nullable Collection<PointTransferStatus> statuses, @Nullable String phone) {
    }

    private final JdbcClient jdbc;

    PointTransferList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Where(String from, Map<String, Object> parameters) {
    }

    private Where where(Filter filter) {
        StringBuilder from = new StringBuilder(FROM + " where true");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.from() != null) {
            from.append(" and t.created_at >= :fromAt");
            parameters.put("fromAt", filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            from.append(" and t.created_at <= :toAt");
            parameters.put("toAt", filter.to().atOffset(ZoneOffset.UTC));
        }
        if (filter.member() != null) {
            from.append(" and (t.from_member_id = :member or t.to_member_id = :member)");
            parameters.put("member", filter.member());
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            from.append(" and t.status in (:statuses)");
            parameters.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.phone() != null && !filter.phone().isBlank()) {
            from.append(" and (f.phone like :phone or r.phone like :phone)");
            parameters.put("phone", "%" + filter.phone().strip().replaceAll("[^0-9]", "") + "%");
        }
        return new Where(from.toString(), parameters);
    }

    /** A page of transfers; runs in the caller's transaction. */
    PageResult<PointTransferViews.PointTransferView> page(Filter filter, SqlPage page) {
        Where where = where(filter);
        return page.query(jdbc, COLUMNS, where.from(), where.parameters(), (rs, row) -> row(rs));
    }

    /** Every transfer the list shows for this filter, one at a time (an export); how many. */
    long each(Filter filter, SqlPage order, Consumer<PointTransferViews.PointTransferView> sink) {
        Where where = where(filter);
        return order.each(jdbc, "", COLUMNS, where.from(), where.parameters(), EXPORT_FETCH_SIZE, (rs, row) -> row(rs),
                sink);
    }

    /** One transfer as the list shows it; runs in the caller's transaction. */
    PointTransferViews.PointTransferView one(UUID id) {
        return jdbc.sql("select " + COLUMNS + " " + FROM + " where t.id = :id").param("id", id)
                .query((rs, row) -> row(rs)).single();
    }

    private static PointTransferViews.PointTransferView row(ResultSet rs) throws SQLException {
        PointTransferStatus status = PointTransferStatus.valueOf(rs.getString("status"));
        OffsetDateTime reversed = rs.getObject("reversed_at", OffsetDateTime.class);
        return new PointTransferViews.PointTransferView(rs.getObject("id", UUID.class),
                rs.getObject("from_member_id", UUID.class), rs.getString("from_name"), rs.getString("from_phone"),
                rs.getObject("to_member_id", UUID.class), rs.getString("to_name"), rs.getString("to_phone"),
                rs.getLong("points"), status, rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"), reversed == null ? null : reversed.toInstant(),
                rs.getString("reversed_by"), rs.getString("reverse_reason"), status.allowed(),
                rs.getLong("version"));
    }
}
