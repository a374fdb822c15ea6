package com.m4s.platform.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The usual answer of a marked job to {@link StoreJob#storesWithWork}: every active store at start-up and then once
 * per period (a safety net for a mark lost in a crash), otherwise none beyond the stores {@link JobWork} marked due.
 * A job whose work is always marked when it is asked for (an import, a campaign's grant) sweeps at start-up only, to
 * pick up what a stopped process left: {@link #atStartUpOnly()}.
 */
public final class FullSweeps {

    private final @Nullable Duration period;
    private volatile @Nullable Instant next;

    public FullSweeps(Duration period) {
        this.period = period;
    }

    private FullSweeps() {
        this.period = null;
    }

    /** Every store once, at start-up; after that only the marked ones. */
    public static FullSweeps atStartUpOnly() {
        return new FullSweeps();
    }

    /** {@code null} (every store) when a sweep is due, then not again for a period; an empty set otherwise. */
    public @Nullable Set<String> storesWithWork(Instant now) {
        Instant due = next;
        if (due == null || !now.isBefore(due)) {
            next = period == null ? Instant.MAX : now.plus(period);
            return null;
        }
        return Set.of();
    }
}
