package com.m4s.store.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Periods and trend buckets are cut in the store's zone, whatever day it is in UTC. */
class DashboardWindowTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId URUMQI = ZoneId.of("Asia/Urumqi");
    /** 1 March 2026, 00:30 in Shanghai; still 28 February in UTC and in Urumqi (UTC+6). */
    private static final Instant NOW = Instant.parse("2026-02-28T16:30:00Z");

    @Test
    void thisMonthInShanghaiHasBegunWhileUrumqiIsStillInFebruary() {
        DashboardWindow shanghai = DashboardWindow.of("s", SHANGHAI, NOW, DashboardPeriod.THIS_MONTH,
                DashboardTrend.LAST_30_DAYS);
        DashboardWindow urumqi = DashboardWindow.of("u", URUMQI, NOW, DashboardPeriod.THIS_MONTH,
                DashboardTrend.LAST_30_DAYS);

        assertThat(shanghai.from()).isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
        assertThat(shanghai.to()).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
        assertThat(shanghai.trendTo()).isEqualTo(Instant.parse("2026-03-01T16:00:00Z"));
        assertThat(urumqi.from()).isEqualTo(Instant.parse("2026-01-31T18:00:00Z"));
        assertThat(shanghai.trendStarts()).hasSize(30).endsWith(LocalDate.of(2026, 3, 1));
        assertThat(urumqi.trendStarts()).endsWith(LocalDate.of(2026, 2, 28));
    }

    @Test
    void lastMonthEndsWhereThisMonthBeginsAndTwelveMonthsBucketByMonth() {
        DashboardWindow window = DashboardWindow.of("s", SHANGHAI, NOW, DashboardPeriod.LAST_MONTH,
                DashboardTrend.LAST_12_MONTHS);

        assertThat(window.from()).isEqualTo(Instant.parse("2026-01-31T16:00:00Z"));
        assertThat(window.to()).isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
        assertThat(window.trendStarts()).hasSize(12).startsWith(LocalDate.of(2025, 4, 1))
                .endsWith(LocalDate.of(2026, 3, 1));
        assertThat(window.trendFrom()).isEqualTo(Instant.parse("2025-03-31T16:00:00Z"));
        assertThat(window.trendBucket("created_at")).isEqualTo(
                "(date_trunc('month', created_at at time zone :zone))::date");
        assertThat(window.series(Map.of(LocalDate.of(2026, 3, 1), 4L, LocalDate.of(2025, 4, 1), 1L)))
                .hasSize(12).startsWith(1L, 0L).endsWith(0L, 4L);
    }

    @Test
    void ninetyDaysAreTodayAndTheEightyNineBefore() {
        DashboardWindow window = DashboardWindow.of("s", SHANGHAI, NOW, DashboardPeriod.LAST_90_DAYS,
                DashboardTrend.LAST_30_DAYS);

        assertThat(window.from()).isEqualTo(LocalDate.of(2026, 3, 1).minusDays(89).atStartOfDay(SHANGHAI)
                .toInstant());
    }
}
