package com.m4s.store.staff;

import com.m4s.platform.security.Permission;
import com.m4s.store.dashboard.CardView;
import com.m4s.store.dashboard.DashboardCard;
import com.m4s.store.dashboard.DashboardWindow;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Dashboard card {@code staff}: the logins with a staff role in the store, as Keycloak knows them (the staff list's
 * numbers, from the same short-lived listing), by role, and how many are disabled. Holds no database connection.
 */
@Component
class StaffCard implements DashboardCard {

    private final Staff staff;

    StaffCard(Staff staff) {
        this.staff = staff;
    }

    @Override
    public String key() {
        return "staff";
    }

    @Override
    public Permission permission() {
        return Permission.STAFF_VIEW;
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public CardView compute(DashboardWindow window) {
        Staff.StaffCounts counts = staff.counts();
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("total", counts.total());
        figures.put("managers", counts.managers());
        figures.put("staff", counts.staff());
        figures.put("disabled", counts.disabled());
        return CardView.of(key(), figures);
    }
}
