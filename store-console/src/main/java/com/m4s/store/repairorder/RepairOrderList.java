package com.m4s.store.repairorder;

import com.m4s.platform.money.Money;
import com.m4s.platform.web.Like;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Problems;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.export.ExcelColumn;
import com.m4s.store.export.ExcelTable;
import com.m4s.store.points.AccountType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's list of repair orders in plain SQL, one statement per page (decision 0021), and the same filter read to the
 * end for an export (decision 0024). Each row carries its member's name, the order's total, the accounts that pay its
 * lines and the points its lines produced so far (the sum of their ledger entries' earned points): sub-selects of the
 * row, by the order's id and the ledger's source index, so a page costs its rows, not the store's orders.
 */
@Component
public class RepairOrderList {

    /** A row of the list. */
    public record RepairOrderSummary(UUID id, String dmsNumber, RepairOrderStatus status, UUID memberId,
            String memberName, String memberPhone, @Nullable String plate, @Nullable String advisor, Instant openedAt,
            @Nullable Instant settledAt, @Nullable Instant pointsActivateAt, Money total,
            List<AccountType> accountTypes, long points) {
    }

    /** API sort keys and the columns behind them (output names of the select list for the computed ones). */
    static final Map<String, String> SORTABLE = Map.of("openedAt", "o.opened_at", "settledAt", "o.settled_at",
            "dmsNumber", "o.dms_number", "total", "total", "points", "points");
    static final String TIE_BREAKER = "o.id";
    static final int EXPORT_FETCH_SIZE = 500;

    static final String COLUMNS = """
            o.id, o.dms_number, o.status, o.member_id, m.name as member_name, m.phone as member_phone, o.plate,
            o.advisor, o.opened_at, o.settled_at, o.points_activate_at,
            (select coalesce(sum(l.amount), 0) from repair_order_line l where l.order_id = o.id) as total,
            array(select distinct l.account_type from repair_order_line l where l.order_id = o.id
                  order by l.account_type) as account_types,
            (select coalesce(sum(e.earned_delta), 0) from points_entry e
              where e.source_id in (select l.id from repair_order_line l where l.order_id = o.id)) as points""";

    /** The list as an Excel file: what the list shows, status and accounts in the caller's language. */
    static final ExcelTable<RepairOrderSummary> EXPORT = ExcelTable.of("repairOrders",
            ExcelColumn.text("dmsNumber", RepairOrderSummary::dmsNumber),
            ExcelColumn.text("status", o -> Problems.message("problem.repair-order-status." + o.status())),
            ExcelColumn.text("memberName", RepairOrderSummary::memberName),
            ExcelColumn.text("memberPhone", RepairOrderSummary::memberPhone),
            ExcelColumn.text("plate", RepairOrderSummary::plate),
            ExcelColumn.text("advisor", RepairOrderSummary::advisor),
            ExcelColumn.text("accountTypes", o -> o.accountTypes().stream()
                    .map(a -> Problems.message("repair-order.account-type." + a)).toList()),
            ExcelColumn.money("total", RepairOrderSummary::total),
            ExcelColumn.integer("points", RepairOrderSummary::points),
            ExcelColumn.dateTime("openedAt", RepairOrderSummary::openedAt),
            ExcelColumn.dateTime("settledAt", RepairOrderSummary::settledAt));

    private final JdbcClient jdbc;

    RepairOrderList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the current store's orders, filtered and sorted as the query says. */
    @Transactional(readOnly = true)
    public PageResult<RepairOrderSummary> page(RepairOrderQuery query) {
        Filter filter = Filter.of(query);
        SqlPage page = SqlPage.of(query.page() == null ? 0 : query.page(),
                query.size() == null ? RepairOrderQuery.DEFAULT_SIZE : query.size(), query.sortOrDefault(), SORTABLE,
                TIE_BREAKER);
        return page.query(jdbc, "", COLUMNS, filter.from(), "select count(*) " + filter.from(), filter.parameters(),
                RepairOrderList::summary);
    }

    /** Every order the list shows for the query (page and size aside), in its sort, one at a time; how many. */
    @Transactional(readOnly = true)
    public long each(RepairOrderQuery query, Consumer<RepairOrderSummary> sink) {
        Filter filter = Filter.of(query);
        return SqlPage.everyRow(query.sortOrDefault(), SORTABLE, TIE_BREAKER).each(jdbc, "", COLUMNS, filter.from(),
                filter.parameters(), EXPORT_FETCH_SIZE, RepairOrderList::summary, sink);
    }

    /** The {@code from ... where} and parameters of the filters: the same for a page, its count and an export. */
    private record Filter(String from, Map<String, Object> parameters) {

        static Filter of(RepairOrderQuery query) {
            StringBuilder from = new StringBuilder("from repair_order o join member m on m.id = o.member_id where true");
            Map<String, Object> parameters = new LinkedHashMap<>();
            if (query.status() != null && !query.status().isEmpty()) {
                from.append(" and o.status in (:statuses)");
                parameters.put("statuses", query.status().stream().map(Enum::name).toList());
            }
            if (query.accountType() != null && !query.accountType().isEmpty()) {
                from.append(" and exists (select 1 from repair_order_line a where a.order_id = o.id"
                        + " and a.account_type in (:accounts))");
                parameters.put("accounts", query.accountType().stream().map(Enum::name).toList());
            }
            if (query.settledFrom() != null) {
                from.append(" and o.settled_at >= :settledFrom");
                parameters.put("settledFrom", Timestamp.from(query.settledFrom()));
            }
            if (query.settledTo() != null) {
                from.append(" and o.settled_at < :settledTo");
                parameters.put("settledTo", Timestamp.from(query.settledTo()));
            }
            if (!Like.isBlank(query.advisor())) {
                from.append(" and lower(o.advisor) like :advisor escape '\\'");
                parameters.put("advisor", Like.contains(query.advisor()));
            }
            if (!Like.isBlank(query.q())) {
                from.append(" and (lower(o.dms_number) like :text escape '\\' or upper(o.plate) like :plate escape '\\'"
                        + " or lower(m.name) like :text escape '\\' or m.phone like :text escape '\\')");
                parameters.put("text", Like.contains(query.q()));
                parameters.put("plate", Like.contains(query.q().replace(" ", "")).toUpperCase(java.util.Locale.ROOT));
            }
            return new Filter(from.toString(), parameters);
        }
    }

    private static RepairOrderSummary summary(ResultSet rs, int row) throws SQLException {
        return new RepairOrderSummary(rs.getObject("id", UUID.class), rs.getString("dms_number"),
                RepairOrderStatus.valueOf(rs.getString("status")), rs.getObject("member_id", UUID.class),
                rs.getString("member_name"), rs.getString("member_phone"), rs.getString("plate"),
                rs.getString("advisor"), instant(rs, "opened_at"), instant(rs, "settled_at"),
                instant(rs, "points_activate_at"), Money.cny(rs.getBigDecimal("total")),
                SqlPage.strings(rs, "account_types").stream().map(AccountType::valueOf).toList(), rs.getLong("points"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
