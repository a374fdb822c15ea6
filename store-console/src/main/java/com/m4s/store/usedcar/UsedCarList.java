package com.m4s.store.usedcar;

import com.m4s.platform.web.Like;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Problems;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.export.ExcelColumn;
import com.m4s.store.export.ExcelTable;
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

/**
 * Staff's list of consigned cars in plain SQL, one statement per page (decision 0021), and the same filter read to the
 * end for an export: the cars in the given states (all when none given) whose make, model or city contains the text.
 */
@Component
class UsedCarList {

    /** API sort keys and the columns behind them. */
    static final Map<String, String> SORTABLE = Map.of("submittedAt", "c.submitted_at", "updatedAt", "c.updated_at",
            "priceWishYuan", "c.price_wish_yuan", "askingPriceYuan", "c.asking_price_yuan", "year", "c.model_year",
            "mileageKm", "c.mileage_km", "make", "c.make");
    static final String TIE_BREAKER = "c.id";
    static final int EXPORT_FETCH_SIZE = 500;

    static final String COLUMNS = "c.id, c.member_id, c.status, c.make, c.model, c.model_year, c.mileage_km, c.city,"
            + " c.price_wish_yuan, c.asking_price_yuan, c.revision, c.submitted_at, c.updated_at";

    /** The list as an Excel file: what the list shows, the status in the caller's language. */
    static final ExcelTable<UsedCarViews.UsedCarSummary> EXPORT = ExcelTable.of("usedCars",
            ExcelColumn.text("make", UsedCarViews.UsedCarSummary::make),
            ExcelColumn.text("model", UsedCarViews.UsedCarSummary::model),
            ExcelColumn.integer("year", UsedCarViews.UsedCarSummary::year),
            ExcelColumn.text("status", car -> Problems.message("problem.used-car-status." + car.status())),
            ExcelColumn.integer("mileageKm", UsedCarViews.UsedCarSummary::mileageKm),
            ExcelColumn.text("city", UsedCarViews.UsedCarSummary::city),
            ExcelColumn.money("priceWishYuan", UsedCarViews.UsedCarSummary::priceWishYuan),
            ExcelColumn.money("askingPriceYuan", UsedCarViews.UsedCarSummary::askingPriceYuan),
            ExcelColumn.dateTime("submittedAt", UsedCarViews.UsedCarSummary::submittedAt),
            ExcelColumn.dateTime("updatedAt", UsedCarViews.UsedCarSummary::updatedAt));

    private final JdbcClient jdbc;

    UsedCarList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The {@code from ... where} and parameters of a filter: the same for a page and an export. */
    private record Filter(String from, Map<String, ?> parameters) {

        static Filter of(@Nullable Collection<UsedCarStatus> statuses, @Nullable String query) {
            StringBuilder from = new StringBuilder("from used_car c where true");
            Map<String, Object> parameters = new HashMap<>();
            if (statuses != null && !statuses.isEmpty()) {
                from.append(" and c.status in (:statuses)");
                parameters.put("statuses", statuses.stream().map(Enum::name).toList());
            }
            if (!Like.isBlank(query)) {
                from.append(" and (lower(c.make) like :text escape '\\' or lower(c.model) like :text escape '\\'"
                        + " or lower(c.city) like :text escape '\\')");
                parameters.put("text", Like.contains(query));
            }
            return new Filter(from.toString(), parameters);
        }
    }

    /** Runs in the caller's transaction, on its store's connection. */
    PageResult<UsedCarViews.UsedCarSummary> page(@Nullable Collection<UsedCarStatus> statuses,
            @Nullable String query, SqlPage page) {
        Filter filter = Filter.of(statuses, query);
        return page.query(jdbc, COLUMNS, filter.from(), filter.parameters(), UsedCarList::summary);
    }

    /** Every car the list shows for this filter, in {@code order}, one at a time (an export); how many. */
    long each(@Nullable Collection<UsedCarStatus> statuses, @Nullable String query, SqlPage order,
            Consumer<UsedCarViews.UsedCarSummary> sink) {
        Filter filter = Filter.of(statuses, query);
        return order.each(jdbc, "", COLUMNS, filter.from(), filter.parameters(), EXPORT_FETCH_SIZE,
                UsedCarList::summary, sink);
    }

    private static UsedCarViews.UsedCarSummary summary(ResultSet rs, int row) throws SQLException {
        long asking = rs.getLong("asking_price_yuan");
        Long askingPrice = rs.wasNull() ? null : asking;
        return new UsedCarViews.UsedCarSummary(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
                UsedCarStatus.valueOf(rs.getString("status")), rs.getString("make"), rs.getString("model"),
                rs.getInt("model_year"), rs.getInt("mileage_km"), rs.getString("city"), rs.getLong("price_wish_yuan"),
                askingPrice, rs.getInt("revision"), rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
