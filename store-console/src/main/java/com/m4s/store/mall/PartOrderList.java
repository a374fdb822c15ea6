package com.m4s.store.mall;

import com.m4s.platform.web.Like;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Problems;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.export.ExcelColumn;
import com.m4s.store.export.ExcelTable;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Parts ordered for customers in plain SQL (decision 0021): one order, the console's list and its Excel export (the
 * same filter), an owner's own.
 */
@Component
class PartOrderList {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "o.created_at", "number", "o.number",
            "expectedOn", "o.expected_on", "status", "o.status", "partName", "o.part_name", "arrivedAt",
            "o.arrived_at");
    static final String TIE_BREAKER = "o.id";
    static final int EXPORT_FETCH_SIZE = 500;

    static final ExcelTable<PartOrderViews.PartOrderRow> EXPORT = ExcelTable.of("partOrders",
            ExcelColumn.text("number", PartOrderViews.PartOrderRow::number),
            ExcelColumn.dateTime("createdAt", PartOrderViews.PartOrderRow::createdAt),
            ExcelColumn.text("member", PartOrderViews.PartOrderRow::memberName),
            ExcelColumn.text("phone", PartOrderViews.PartOrderRow::memberPhone),
            ExcelColumn.text("plate", PartOrderViews.PartOrderRow::plate),
            ExcelColumn.text("partName", PartOrderViews.PartOrderRow::partName),
            ExcelColumn.text("partNumber", PartOrderViews.PartOrderRow::partNumber),
            ExcelColumn.integer("quantity", PartOrderViews.PartOrderRow::quantity),
            ExcelColumn.text("supplier", PartOrderViews.PartOrderRow::supplier),
            ExcelColumn.text("expectedOn", r -> r.expectedOn() == null ? null : r.expectedOn().toString()),
            ExcelColumn.money("price", r -> yuan(r.priceFen())),
            ExcelColumn.money("deposit", r -> yuan(r.depositFen())),
            ExcelColumn.text("status", r -> Problems.message("problem.part-order-status." + r.status())),
            ExcelColumn.text("advisor", PartOrderViews.PartOrderRow::advisor),
            ExcelColumn.dateTime("arrivedAt", PartOrderViews.PartOrderRow::arrivedAt));

    private static final String COLUMNS = "o.id, o.number, o.member_id, m.name member_name, m.phone member_phone,"
            + " o.vehicle_id, o.plate, o.part_name, o.part_number, o.quantity, o.supplier, o.expected_on, o.price_fen,"
            + " o.deposit_fen, o.repair_order_number, o.note, o.notify_owner, o.advisor, o.arrival_advisor, o.status,"
            + " o.arrived_at, o.arrived_by, o.handed_over_at, o.handed_over_by, o.cancelled_at, o.cancelled_by,"
            + " o.cancel_reason, o.created_by, o.created_at, o.version";
    private static final String ROW_COLUMNS = "o.id, o.number, o.member_id, m.name member_name,"
            + " m.phone member_phone, o.plate, o.part_name, o.part_number, o.quantity, o.supplier, o.expected_on,"
            + " o.price_fen, o.deposit_fen, o.status, coalesce(o.arrival_advisor, o.advisor) advisor, o.arrived_at,"
            + " o.created_at";
    private static final String FROM = "from part_order o join member m on m.id = o.member_id";

    /**
     * Which orders: statuses; an order number, a member's name or phone, a part's name or number (part of it); recorded
     * from and before an instant (the store's days, worked out by the caller).
     */
    record Filter(@Nullable Collection<PartOrderStatus> statuses, @Nullable String search, @Nullable Instant from,
            @Nullable Instant before) {

        private Where where() {
            StringBuilder sql = new StringBuilder(FROM + " where true");
            Map<String, Object> parameters = new HashMap<>();
            if (statuses != null && !statuses.isEmpty()) {
                sql.append(" and o.status in (:statuses)");
                parameters.put("statuses", statuses.stream().map(Enum::name).toList());
            }
            if (!Like.isBlank(search)) {
                sql.append(" and (lower(o.number) like :text escape '\\' or lower(m.name) like :text escape '\\'"
                        + " or m.phone like :text escape '\\' or lower(o.part_name) like :text escape '\\'"
                        + " or lower(o.part_number) like :text escape '\\')");
                parameters.put("text", Like.contains(search));
            }
            if (from != null) {
                sql.append(" and o.created_at >= :from");
                parameters.put("from", OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
            }
            if (before != null) {
                sql.append(" and o.created_at < :before");
                parameters.put("before", OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC));
            }
            return new Where(sql.toString(), parameters);
        }
    }

    private record Where(String from, Map<String, ?> parameters) {
    }

    private final JdbcClient jdbc;

    PartOrderList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PartOrderViews.PartOrderView> order(UUID id) {
        return jdbc.sql("select " + COLUMNS + " " + FROM + " where o.id = :id").param("id", id)
                .query((rs, row) -> view(rs)).optional();
    }

    PageResult<PartOrderViews.PartOrderRow> orders(Filter filter, SqlPage page) {
        Where where = filter.where();
        return page.query(jdbc, ROW_COLUMNS, where.from(), where.parameters(), PartOrderList::row);
    }

    /** Every order the list shows for this filter, in {@code order}, one at a time (an export); how many. */
    long each(Filter filter, SqlPage order, Consumer<PartOrderViews.PartOrderRow> sink) {
        Where where = filter.where();
        return order.each(jdbc, "", ROW_COLUMNS, where.from(), where.parameters(), EXPORT_FETCH_SIZE,
                PartOrderList::row, sink);
    }

    PageResult<PartOrderViews.MyPartOrder> ofMember(UUID member, SqlPage page) {
        return page.query(jdbc, "o.id, o.number, o.plate, o.part_name, o.part_number, o.quantity, o.expected_on,"
                + " o.price_fen, o.deposit_fen, o.status, o.arrived_at, o.handed_over_at, o.cancelled_at,"
                + " o.cancel_reason, o.created_at", "from part_order o where o.member_id = :member",
                Map.of("member", member), (rs, row) -> new PartOrderViews.MyPartOrder(rs.getObject("id", UUID.class),
                        rs.getString("number"), rs.getString("plate"), rs.getString("part_name"),
                        rs.getString("part_number"), rs.getInt("quantity"), date(rs, "expected_on"),
                        longOrNull(rs, "price_fen"), longOrNull(rs, "deposit_fen"),
                        PartOrderStatus.valueOf(rs.getString("status")), instantOrNull(rs, "arrived_at"),
                        instantOrNull(rs, "handed_over_at"), instantOrNull(rs, "cancelled_at"),
                        rs.getString("cancel_reason"), instant(rs, "created_at")));
    }

    /** The plate of the member's car, or empty when the car is not the member's. */
    Optional<String> plateOf(UUID member, UUID vehicle) {
        return jdbc.sql("select plate from vehicle where id = :vehicle and member_id = :member")
                .param("vehicle", vehicle).param("member", member).query(String.class).optional();
    }

    private static PartOrderViews.PartOrderRow row(ResultSet rs, int row) throws SQLException {
        return new PartOrderViews.PartOrderRow(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("member_id", UUID.class), rs.getString("member_name"), rs.getString("member_phone"),
                rs.getString("plate"), rs.getString("part_name"), rs.getString("part_number"), rs.getInt("quantity"),
                rs.getString("supplier"), date(rs, "expected_on"), longOrNull(rs, "price_fen"),
                longOrNull(rs, "deposit_fen"), PartOrderStatus.valueOf(rs.getString("status")),
                rs.getString("advisor"), instantOrNull(rs, "arrived_at"), instant(rs, "created_at"));
    }

    private static PartOrderViews.PartOrderView view(ResultSet rs) throws SQLException {
        PartOrderStatus status = PartOrderStatus.valueOf(rs.getString("status"));
        return new PartOrderViews.PartOrderView(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("member_id", UUID.class), rs.getString("member_name"), rs.getString("member_phone"),
                rs.getObject("vehicle_id", UUID.class), rs.getString("plate"), rs.getString("part_name"),
                rs.getString("part_number"), rs.getInt("quantity"), rs.getString("supplier"), date(rs, "expected_on"),
                longOrNull(rs, "price_fen"), longOrNull(rs, "deposit_fen"), rs.getString("repair_order_number"),
                rs.getString("note"), rs.getBoolean("notify_owner"), rs.getString("advisor"),
                rs.getString("arrival_advisor"), status, instantOrNull(rs, "arrived_at"), rs.getString("arrived_by"),
                instantOrNull(rs, "handed_over_at"), rs.getString("handed_over_by"),
                instantOrNull(rs, "cancelled_at"), rs.getString("cancelled_by"), rs.getString("cancel_reason"),
                rs.getString("created_by"), instant(rs, "created_at"), status.allowed(), rs.getLong("version"));
    }

    private static @Nullable BigDecimal yuan(@Nullable Long fen) {
        return fen == null ? null : BigDecimal.valueOf(fen, 2);
    }

    private static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
