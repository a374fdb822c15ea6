package com.m4s.platform.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The usual answer of a marked job to {@link StoreJob#storesWithWork}: every active store at start-up and then once
 * per period (a safety net for a mark lost in a crash), otherwise none beyond the stores {@link JobWork} marked due.
 */
public final class FullSweeps {

    private final Duration period;
    private volatile @Nullable Instant next;

    public FullSweeps(Duration period) {
        this.period = period;
    }

    /** {@code null} (every store) when a sweep is due, then not again for a period; an empty set otherwise. */
    public @Nullable Set<String> storesWithWork(Instant now) {
        Instant due = next;
        if (due == null || !now.isBefore(due)) {
            next = now.plus(period);
            return null;
        }
        return Set.of();
    }
}
