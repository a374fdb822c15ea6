package com.m4s.store.member;

import com.m4s.platform.security.Permission;
import com.m4s.store.dashboard.CardView;
import com.m4s.store.dashboard.DashboardCard;
import com.m4s.store.dashboard.DashboardWindow;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Dashboard card {@code vehicles}: members' vehicles in all, registered in the period, members with one. */
@Component
class VehiclesCard implements DashboardCard {

    private final JdbcClient jdbc;

    VehiclesCard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "vehicles";
    }

    @Override
    public Permission permission() {
        return Permission.MEMBER_VIEW;
    }

    @Override
    public int order() {
        return 110;
    }

    @Override
    @Transactional(readOnly = true)
    public CardView compute(DashboardWindow window) {
        Map<String, Long> figures = new LinkedHashMap<>();
        jdbc.sql("""
                select count(*) as total,
                  count(*) filter (where created_at >= :from and created_at < :to) as new_in_period,
                  count(distinct member_id) as members_with_vehicle
                from vehicle""").params(window.parameters()).query((rs, row) -> {
                    figures.put("total", rs.getLong("total"));
                    figures.put("newInPeriod", rs.getLong("new_in_period"));
                    figures.put("membersWithVehicle", rs.getLong("members_with_vehicle"));
                    return row;
                }).list();
        return CardView.of(key(), figures);
    }
}
