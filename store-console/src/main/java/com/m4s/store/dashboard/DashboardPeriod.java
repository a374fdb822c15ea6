package com.m4s.store.dashboard;

/** The stretch of time a dashboard's figures count, in the store's calendar. */
public enum DashboardPeriod {
    /** From the first day of this month to now. */
    THIS_MONTH,
    /** The whole of last month. */
    LAST_MONTH,
    /** Today and the 89 days before it. */
    LAST_90_DAYS,
    /** This month and the 11 before it. */
    LAST_12_MONTHS
}
