package com.m4s.store.points;

import java.time.LocalDate;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/** How long available points last (PTS-6, decision 0039); dates are the store's calendar days. */
public enum ExpiryPolicyKind {
    /** Points never expire (every store's default). */
    NEVER,
    /** Points that became available in month M expire at the end of month M + N. */
    END_OF_MONTH_AFTER_N_MONTHS,
    /** Points that became available in year Y expire at the end of year Y + 1. */
    END_OF_NEXT_YEAR;

    /** The last store day of points that became available on {@code day}; null: they never expire. */
    public @Nullable LocalDate expiresOn(LocalDate day, @Nullable Integer months) {
        return switch (this) {
            case NEVER -> null;
            case END_OF_MONTH_AFTER_N_MONTHS -> YearMonth.from(day)
                    .plusMonths(java.util.Objects.requireNonNull(months, "months")).atEndOfMonth();
            case END_OF_NEXT_YEAR -> LocalDate.of(day.getYear() + 1, 12, 31);
        };
    }
}
