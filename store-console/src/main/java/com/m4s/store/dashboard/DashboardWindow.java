package com.m4s.store.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The time a dashboard is computed for: the period its figures count ({@code [from, to)}, whole days or months: this
 * month ends where next month begins) and the buckets of its trend ({@code trendStarts}, days or months, together
 * {@code [trendFrom, trendTo)}), all in the store's zone, at {@code now} by the service's clock. Cards bind {@link #parameters()} and group their trend with {@link #trendBucket(String)}.
 */
public record DashboardWindow(String store, ZoneId zone, Instant now, DashboardPeriod period, Instant from,
        Instant to, DashboardTrend trend, Instant trendFrom, Instant trendTo, List<LocalDate> trendStarts) {

    public DashboardWindow {
        trendStarts = List.copyOf(trendStarts);
    }

    /** The window of {@code period} and {@code trend} at {@code now} in the store's {@code zone}. */
    public static DashboardWindow of(String store, ZoneId zone, Instant now, DashboardPeriod period,
            DashboardTrend trend) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate thisMonth = today.withDayOfMonth(1);
        LocalDate fromDay = switch (period) {
            case THIS_MONTH -> thisMonth;
            case LAST_MONTH -> thisMonth.minusMonths(1);
            case LAST_90_DAYS -> today.minusDays(89);
            case LAST_12_MONTHS -> thisMonth.minusMonths(11);
        };
        LocalDate toDay = switch (period) {
            case THIS_MONTH, LAST_12_MONTHS -> thisMonth.plusMonths(1);
            case LAST_MONTH -> thisMonth;
            case LAST_90_DAYS -> today.plusDays(1);
        };
        List<LocalDate> starts = new ArrayList<>();
        if (trend == DashboardTrend.LAST_30_DAYS) {
            for (int i = 29; i >= 0; i--) {
                starts.add(today.minusDays(i));
            }
        } else {
            for (int i = 11; i >= 0; i--) {
                starts.add(thisMonth.minusMonths(i));
            }
        }
        LocalDate trendEnd = trend == DashboardTrend.LAST_30_DAYS ? today.plusDays(1) : thisMonth.plusMonths(1);
        return new DashboardWindow(store, zone, now, period, fromDay.atStartOfDay(zone).toInstant(),
                toDay.atStartOfDay(zone).toInstant(), trend, starts.getFirst().atStartOfDay(zone).toInstant(),
                trendEnd.atStartOfDay(zone).toInstant(), starts);
    }

    /**
     * SQL naming the trend bucket (its first day, a {@code date}) of a {@code timestamptz} column in the store's zone.
     * The text is one of two fixed forms, so the statement is prepared once per form.
     */
    public String trendBucket(String column) {
        String unit = trend == DashboardTrend.LAST_30_DAYS ? "day" : "month";
        return "(date_trunc('" + unit + "', " + column + " at time zone :zone))::date";
    }

    /**
     * {@code :from}, {@code :to}, {@code :now}, {@code :trendFrom}, {@code :trendTo} (timestamptz) and {@code :zone}
     * (the zone's id).
     */
    public Map<String, Object> parameters() {
        return Map.of("from", utc(from), "to", utc(to), "now", utc(now), "trendFrom", utc(trendFrom), "trendTo",
                utc(trendTo), "zone", zone.getId());
    }

    /** One value per trend bucket, zero where {@code counts} has none. */
    public List<Long> series(Map<LocalDate, Long> counts) {
        return trendStarts.stream().map(start -> counts.getOrDefault(start, 0L)).toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
