package com.m4s.store.wallet;

import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Problems;
import com.m4s.store.export.ExcelColumn;
import com.m4s.store.export.ExcelTable;
import java.math.BigDecimal;
import com.m4s.platform.web.SqlPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The store's cash-out requests in plain SQL, one statement per page (decision 0021), with the member. */
@Component
public class WalletCashOutList {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "c.created_at", "amount", "c.amount", "status",
            "c.status");
    static final String TIE_BREAKER = "c.id";
    static final int EXPORT_FETCH_SIZE = 500;

    /** The list as an Excel file: what the list shows, amounts in yuan, status and method in the caller's language. */
    static final ExcelTable<WalletViews.CashOutView> EXPORT = ExcelTable.of("walletCashOuts",
            ExcelColumn.dateTime("createdAt", WalletViews.CashOutView::createdAt),
            ExcelColumn.text("memberName", WalletViews.CashOutView::memberName),
            ExcelColumn.text("memberPhone", WalletViews.CashOutView::memberPhone),
            ExcelColumn.money("amount", c -> BigDecimal.valueOf(c.amount(), 2)),
            ExcelColumn.text("method", c -> Problems.message("export.walletCashOuts.method." + c.method())),
            ExcelColumn.text("reason", WalletViews.CashOutView::reason),
            ExcelColumn.text("status", c -> Problems.message("export.walletCashOuts.status." + c.status())),
            ExcelColumn.text("requestedBy", WalletViews.CashOutView::requestedBy),
            ExcelColumn.text("decidedBy", WalletViews.CashOutView::decidedBy),
            ExcelColumn.dateTime("decidedAt", WalletViews.CashOutView::decidedAt),
            ExcelColumn.text("decisionNote", WalletViews.CashOutView::decisionNote));

    private static final String COLUMNS = "c.id, c.member_id, m.name member_name, m.phone member_phone, c.amount,"
            + " c.method, c.reason, c.status, c.requested_by, c.created_at, c.decided_by, c.decided_at,"
            + " c.decision_note, c.entry_id, c.version";
    private static final String FROM = "from wallet_cash_out c join member m on m.id = c.member_id";

    /** What the list shows: statuses, one member, a phone (or part of one) or name of the member. */
    public record Filter(@Nullable Collection<WalletCashOutStatus> statuses, @Nullable UUID member,
            @Nullable String search) {
    }

    private final JdbcClient jdbc;

    WalletCashOutList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Where(String from, Map<String, Object> parameters) {
    }

    private Where where(Filter filter) {
        StringBuilder from = new StringBuilder(FROM + " where true");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            from.append(" and c.status in (:statuses)");
            parameters.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.member() != null) {
            from.append(" and c.member_id = :member");
            parameters.put("member", filter.member());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            from.append(" and (m.phone like :search or m.name like :search)");
            parameters.put("search", "%" + filter.search().strip().replace("%", "").replace("_", "") + "%");
        }
        return new Where(from.toString(), parameters);
    }

    PageResult<WalletViews.CashOutView> page(Filter filter, SqlPage page) {
        Where where = where(filter);
        return page.query(jdbc, COLUMNS, where.from(), where.parameters(), (rs, row) -> row(rs));
    }

    /** Every request the list shows for this filter, one at a time (an export); how many. */
    long each(Filter filter, SqlPage order, Consumer<WalletViews.CashOutView> sink) {
        Where where = where(filter);
        return order.each(jdbc, "", COLUMNS, where.from(), where.parameters(), EXPORT_FETCH_SIZE, (rs, row) -> row(rs),
                sink);
    }

    WalletViews.CashOutView one(UUID id) {
        return jdbc.sql("select " + COLUMNS + " " + FROM + " where c.id = :id").param("id", id)
                .query((rs, row) -> row(rs)).single();
    }

    private static WalletViews.CashOutView row(ResultSet rs) throws SQLException {
        WalletCashOutStatus status = WalletCashOutStatus.valueOf(rs.getString("status"));
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        return new WalletViews.CashOutView(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
                rs.getString("member_name"), rs.getString("member_phone"), rs.getLong("amount"),
                PaymentMethod.valueOf(rs.getString("method")), rs.getString("reason"), status,
                rs.getString("requested_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant(),
                rs.getString("decision_note"), rs.getObject("entry_id", UUID.class), status.allowed(),
                rs.getLong("version"));
    }
}
