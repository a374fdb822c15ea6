package com.m4s.store.usedcar;

import com.m4s.platform.security.Permission;
import com.m4s.store.dashboard.CardView;
import com.m4s.store.dashboard.DashboardCard;
import com.m4s.store.dashboard.DashboardWindow;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dashboard card {@code usedCarSales}: cars listed, reserved and sold in the period (by when each happened: a car
 * listed last month and sold this month counts as sold this month), cars on the market now, and cars listed and sold
 * per trend bucket.
 */
@Component
class UsedCarSalesCard implements DashboardCard {

    private final JdbcClient jdbc;

    UsedCarSalesCard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "usedCarSales";
    }

    @Override
    public Permission permission() {
        return Permission.USED_CAR_VIEW;
    }

    @Override
    public int order() {
        return 210;
    }

    @Override
    @Transactional(readOnly = true)
    public CardView compute(DashboardWindow window) {
        Map<String, Long> figures = new LinkedHashMap<>();
        jdbc.sql("""
                select count(*) filter (where listed_at >= :from and listed_at < :to) as listed,
                  count(*) filter (where reserved_at >= :from and reserved_at < :to) as reserved,
                  count(*) filter (where status = 'SOLD' and closed_at >= :from and closed_at < :to) as sold,
                  count(*) filter (where status in ('LISTED', 'RESERVED')) as on_market
                from used_car""").params(window.parameters()).query((rs, row) -> {
                    figures.put("listed", rs.getLong("listed"));
                    figures.put("reserved", rs.getLong("reserved"));
                    figures.put("sold", rs.getLong("sold"));
                    figures.put("onMarket", rs.getLong("on_market"));
                    return row;
                }).list();
        Map<LocalDate, Long> listed = new HashMap<>();
        Map<LocalDate, Long> sold = new HashMap<>();
        jdbc.sql("select " + window.trendBucket("listed_at") + " as bucket, count(*) as n from used_car"
                + " where listed_at >= :trendFrom and listed_at < :trendTo group by 1").params(window.parameters())
                .query((rs, row) -> listed.put(rs.getObject("bucket", LocalDate.class), rs.getLong("n"))).list();
        jdbc.sql("select " + window.trendBucket("closed_at") + " as bucket, count(*) as n from used_car"
                + " where status = 'SOLD' and closed_at >= :trendFrom and closed_at < :trendTo group by 1")
                .params(window.parameters())
                .query((rs, row) -> sold.put(rs.getObject("bucket", LocalDate.class), rs.getLong("n"))).list();
        Map<String, java.util.List<Long>> trend = new LinkedHashMap<>();
        trend.put("listed", window.series(listed));
        trend.put("sold", window.series(sold));
        return CardView.of(key(), figures, trend);
    }
}
