package com.m4s.store.member;

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

/** Dashboard card {@code members}: members in all, new in the period, and new members per trend bucket. */
@Component
class MembersCard implements DashboardCard {

    private final JdbcClient jdbc;

    MembersCard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "members";
    }

    @Override
    public Permission permission() {
        return Permission.MEMBER_VIEW;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    @Transactional(readOnly = true)
    public CardView compute(DashboardWindow window) {
        Map<String, Long> figures = new LinkedHashMap<>();
        jdbc.sql("""
                select count(*) as total,
                  count(*) filter (where created_at >= :from and created_at < :to) as new_in_period
                from member""").params(window.parameters()).query((rs, row) -> {
                    figures.put("total", rs.getLong("total"));
                    figures.put("newInPeriod", rs.getLong("new_in_period"));
                    return row;
                }).list();
        Map<LocalDate, Long> created = new HashMap<>();
        jdbc.sql("select " + window.trendBucket("created_at") + " as bucket, count(*) as n from member"
                + " where created_at >= :trendFrom and created_at < :trendTo group by 1").params(window.parameters())
                .query((rs, row) -> created.put(rs.getObject("bucket", LocalDate.class), rs.getLong("n"))).list();
        return CardView.of(key(), figures, Map.of("newMembers", window.series(created)));
    }
}
