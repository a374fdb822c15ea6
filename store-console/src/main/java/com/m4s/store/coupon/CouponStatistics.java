package com.m4s.store.coupon;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A template's figures in plain SQL (decision 0021): one statement for the totals, one for the per-day series, days
 * counted in the store's time zone.
 */
@Component
class CouponStatistics {

    private final JdbcClient jdbc;

    CouponStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The totals, and the series of the {@code days} store days up to {@code today} (every day, zero or not). */
    CouponViews.CouponStatisticsView of(UUID template, ZoneId zone, LocalDate today, int days) {
        long[] totals = jdbc.sql("""
                select count(*) filter (where obtained = 'ISSUED'), count(*) filter (where obtained = 'CLAIMED'),
                       count(*) filter (where state = 'USED'), count(*) filter (where state = 'EXPIRED'),
                       count(*) filter (where state = 'AVAILABLE'),
                       coalesce(sum(discount_fen) filter (where state = 'USED'), 0),
                       coalesce(sum(order_fen) filter (where state = 'USED'), 0)
                from member_coupon where template_id = :template""").param("template", template)
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)}).single();
        LocalDate first = today.minusDays(days - 1L);
        Timestamp from = Timestamp.from(first.atStartOfDay(zone).toInstant());
        Map<LocalDate, long[]> byDay = new HashMap<>();
        jdbc.sql("""
                select d, sum(claimed), sum(issued), sum(used) from (
                  select (created_at at time zone :zone)::date d, count(*) filter (where obtained = 'CLAIMED') claimed,
                         count(*) filter (where obtained = 'ISSUED') issued, 0 used
                  from member_coupon where template_id = :template and created_at >= :from group by 1
                  union all
                  select (used_at at time zone :zone)::date, 0, 0, count(*)
                  from member_coupon where template_id = :template and state = 'USED' and used_at >= :from group by 1
                ) x group by d""").param("zone", zone.getId()).param("template", template).param("from", from)
                .query(rs -> {
                    byDay.put(rs.getObject(1, LocalDate.class), new long[] {rs.getLong(2), rs.getLong(3),
                            rs.getLong(4)});
                });
        List<CouponViews.CouponDay> series = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            long[] v = byDay.getOrDefault(d, new long[3]);
            series.add(new CouponViews.CouponDay(d, v[0], v[1], v[2]));
        }
        return new CouponViews.CouponStatisticsView(template, totals[0], totals[1], totals[2], totals[3], totals[4], totals[5],
                totals[6], series);
    }
}
