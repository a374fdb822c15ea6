package com.m4s.store.dashboard;

/** The buckets of a dashboard's trend series, in the store's calendar. */
public enum DashboardTrend {
    /** One bucket per day: today and the 29 days before it. */
    LAST_30_DAYS,
    /** One bucket per month: this month and the 11 before it. */
    LAST_12_MONTHS
}
