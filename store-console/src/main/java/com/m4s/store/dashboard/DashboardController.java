package com.m4s.store.dashboard;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/stores/{store}/dashboard")
@Tag(name = "dashboard", description = "The store's business numbers, as cards each feature contributes")
class DashboardController {

    private final Dashboard dashboard;

    DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping
    @Allow(Permission.CONSOLE_USE)
    @Operation(summary = "The cards the caller may see, for a period in the store's calendar",
            description = "Each card is shown to whoever has its permission. Figures count the period; trend series"
                    + " have one value per bucket of trendStarts (days or months). A card whose system does not"
                    + " answer comes with available=false; the others as usual.")
    DashboardView view(@PathVariable String store,
            @RequestParam(defaultValue = "THIS_MONTH") DashboardPeriod period,
            @RequestParam(defaultValue = "LAST_30_DAYS") DashboardTrend trend) {
        return dashboard.view(Caller.current().orElseThrow(), period, trend);
    }
}
