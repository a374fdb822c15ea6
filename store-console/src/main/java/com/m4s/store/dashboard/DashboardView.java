package com.m4s.store.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The store dashboard for one period: the cards the caller may see, in order.
 *
 * @param from first instant the figures count
 * @param to where the period ends (this month: where next month begins), exclusive
 * @param zone the store's time zone, in which periods and buckets are cut
 * @param trendStarts the first day of each trend bucket (days or months), oldest first
 */
public record DashboardView(DashboardPeriod period, Instant from, Instant to, String zone, DashboardTrend trend,
        List<LocalDate> trendStarts, List<CardView> cards) {
}
