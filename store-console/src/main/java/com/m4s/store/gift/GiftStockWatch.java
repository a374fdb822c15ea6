package com.m4s.store.gift;

import com.m4s.store.stockalert.StockAlertKind;
import com.m4s.store.stockalert.StockItemKind;
import com.m4s.store.stockalert.StockWatch;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The gift warehouse's side of the stock alerts (decision 0053): each listed gift at or below its low-stock mark. */
@Component
class GiftStockWatch implements StockWatch {

    private final JdbcClient jdbc;

    GiftStockWatch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Condition> conditions(Instant now, @Nullable Integer slowMovingDays) {
        return jdbc.sql("select id, name, stock, low_stock_at from gift where status = 'LISTED'"
                + " and stock <= low_stock_at order by name, id")
                .query((rs, row) -> new Condition(StockItemKind.GIFT, rs.getObject("id", UUID.class), null,
                        StockAlertKind.LOW_STOCK, rs.getString("name"), null, rs.getLong("stock"),
                        rs.getInt("low_stock_at"), null)).list();
    }
}
