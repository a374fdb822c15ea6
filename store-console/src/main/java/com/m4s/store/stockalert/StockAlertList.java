package com.m4s.store.stockalert;

import com.m4s.platform.web.Like;
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
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The console's list of stock alerts in plain SQL, one statement per page (decision 0021). */
@Component
class StockAlertList {

    static final Map<String, String> SORTABLE = Map.of("raisedAt", "a.raised_at", "clearedAt", "a.cleared_at",
            "itemName", "a.item_name", "stock", "a.stock", "idleDays", "a.idle_days", "alertKind", "a.alert_kind");
    static final String TIE_BREAKER = "a.id";

    private static final String COLUMNS = "a.id, a.item_kind, a.item_id, a.sku_id, a.alert_kind, a.item_name, a.spec,"
            + " a.stock, a.low_stock_at, a.last_sold_at, a.idle_days, a.raised_at, a.cleared_at, a.notified";
    /** Rows fetched at a time by an export's cursor. */
    private static final int FETCH = 500;

    /**
     * Which alerts: open ones (or, with {@code cleared}, those whose condition ended), of some kinds, about products
     * or gifts, an item's name (part).
     */
    record Filter(boolean cleared, @Nullable Collection<StockAlertKind> alertKinds, @Nullable StockItemKind itemKind,
            @Nullable String search) {
    }

    private record Where(String from, Map<String, Object> parameters) {
    }

    private final JdbcClient jdbc;

    StockAlertList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageResult<StockAlertViews.StockAlertView> alerts(Filter filter, SqlPage page) {
        Where where = where(filter);
        return page.query(jdbc, COLUMNS, where.from(), where.parameters(), (rs, row) -> view(rs));
    }

    long each(Filter filter, SqlPage order, Consumer<StockAlertViews.StockAlertView> sink) {
        Where where = where(filter);
        return order.each(jdbc, "", COLUMNS, where.from(), where.parameters(), FETCH, (rs, row) -> view(rs), sink);
    }

    private static Where where(Filter filter) {
        StringBuilder from = new StringBuilder("from stock_alert a where a.cleared_at is "
                + (filter.cleared() ? "not null" : "null"));
        Map<String, Object> parameters = new HashMap<>();
        if (filter.alertKinds() != null && !filter.alertKinds().isEmpty()) {
            from.append(" and a.alert_kind in (:alertKinds)");
            parameters.put("alertKinds", filter.alertKinds().stream().map(Enum::name).toList());
        }
        if (filter.itemKind() != null) {
            from.append(" and a.item_kind = :itemKind");
            parameters.put("itemKind", filter.itemKind().name());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            from.append(" and lower(a.item_name) like :search escape '\\'");
            parameters.put("search", Like.contains(filter.search()));
        }
        return new Where(from.toString(), parameters);
    }

    private static StockAlertViews.StockAlertView view(ResultSet rs) throws SQLException {
        return new StockAlertViews.StockAlertView(rs.getObject("id", UUID.class),
                StockItemKind.valueOf(rs.getString("item_kind")), rs.getObject("item_id", UUID.class),
                rs.getObject("sku_id", UUID.class), StockAlertKind.valueOf(rs.getString("alert_kind")),
                rs.getString("item_name"), rs.getString("spec"), rs.getLong("stock"),
                rs.getObject("low_stock_at", Integer.class), instant(rs, "last_sold_at"),
                rs.getObject("idle_days", Integer.class), instant(rs, "raised_at"), instant(rs, "cleared_at"),
                rs.getInt("notified"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
