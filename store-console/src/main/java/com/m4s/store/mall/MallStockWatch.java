package com.m4s.store.mall;

import com.m4s.store.stockalert.StockAlertKind;
import com.m4s.store.stockalert.StockItemKind;
import com.m4s.store.stockalert.StockWatch;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mall's side of the stock alerts (decision 0053), read from its own tables: each SKU of a listed product at or
 * below its low-stock mark, and each listed product in stock whose last sale — its latest {@code RESERVE} that no
 * {@code RELEASE} of the same order and SKU undid (decision 0051) — or, later or never sold, its listing is older than
 * the store's number of days.
 */
@Component
class MallStockWatch implements StockWatch {

    private final JdbcClient jdbc;

    MallStockWatch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Condition> conditions(Instant now, @Nullable Integer slowMovingDays) {
        List<Condition> found = new ArrayList<>(jdbc.sql("select p.id product_id, p.name, s.id sku_id, s.spec,"
                + " s.stock, s.low_stock_at from product_sku s join product p on p.id = s.product_id"
                + " where p.status = 'LISTED' and s.stock <= s.low_stock_at order by p.name, s.sort_order, s.id")
                .query((rs, row) -> new Condition(StockItemKind.PRODUCT, rs.getObject("product_id", UUID.class),
                        rs.getObject("sku_id", UUID.class), StockAlertKind.LOW_STOCK, rs.getString("name"),
                        rs.getString("spec"), rs.getLong("stock"), rs.getInt("low_stock_at"), null)).list());
        if (slowMovingDays != null) {
            found.addAll(jdbc.sql("select q.* from (select p.id, p.name, p.stock, greatest(p.listed_at, (select max(e.created_at)"
                    + " from product_stock_entry e where e.product_id = p.id and e.kind = 'RESERVE' and not exists"
                    + " (select 1 from product_stock_entry r where r.order_id = e.order_id and r.sku_id = e.sku_id"
                    + " and r.kind = 'RELEASE'))) last_sold_at from product p where p.status = 'LISTED'"
                    + " and p.stock > 0) q where q.last_sold_at < :since order by q.name, q.id")
                    .param("since", OffsetDateTime.ofInstant(now.minus(Duration.ofDays(slowMovingDays)),
                            ZoneOffset.UTC))
                    .query((rs, row) -> new Condition(StockItemKind.PRODUCT, rs.getObject("id", UUID.class), null,
                            StockAlertKind.SLOW_MOVING, rs.getString("name"), null, rs.getLong("stock"), null,
                            rs.getObject("last_sold_at", OffsetDateTime.class).toInstant())).list());
        }
        return found;
    }
}
