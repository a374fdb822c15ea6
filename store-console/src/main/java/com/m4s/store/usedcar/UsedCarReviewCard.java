package com.m4s.store.usedcar;

import com.m4s.platform.security.Permission;
import com.m4s.store.dashboard.CardView;
import com.m4s.store.dashboard.DashboardCard;
import com.m4s.store.dashboard.DashboardWindow;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dashboard card {@code usedCarReview}: cars waiting for the expert review, cars back with their owners for changes,
 * and how long the oldest waiting car has waited (minutes, by the service's clock; left out when none waits).
 */
@Component
class UsedCarReviewCard implements DashboardCard {

    private final JdbcClient jdbc;

    UsedCarReviewCard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "usedCarReview";
    }

    @Override
    public Permission permission() {
        return Permission.USED_CAR_VIEW;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    @Transactional(readOnly = true)
    public CardView compute(DashboardWindow window) {
        Map<String, Long> figures = new LinkedHashMap<>();
        jdbc.sql("""
                select count(*) filter (where status = 'SUBMITTED') as waiting,
                  count(*) filter (where status = 'CHANGES_REQUESTED') as changes_requested,
                  min(submitted_at) filter (where status = 'SUBMITTED') as oldest
                from used_car where status in ('SUBMITTED', 'CHANGES_REQUESTED')""").query((rs, row) -> {
                    figures.put("waiting", rs.getLong("waiting"));
                    figures.put("changesRequested", rs.getLong("changes_requested"));
                    OffsetDateTime oldest = rs.getObject("oldest", OffsetDateTime.class);
                    if (oldest != null) {
                        figures.put("oldestWaitingMinutes",
                                Math.max(0, Duration.between(oldest.toInstant(), window.now()).toMinutes()));
                    }
                    return row;
                }).list();
        return CardView.of(key(), figures);
    }
}
