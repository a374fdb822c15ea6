package com.m4s.platform.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StoreJob} whose stores are the ones its feature marked due ({@link JobWork}) plus a full sweep now and then
 * ({@link FullSweeps}): the name, the interval and the sweep are given once to the constructor, and the job writes
 * only its {@link #run}.
 */
public abstract class MarkedStoreJob implements StoreJob {

    private final String name;
    private final Duration interval;
    private final FullSweeps sweeps;

    protected MarkedStoreJob(String name, Duration interval, FullSweeps sweeps) {
        this.name = name;
        this.interval = interval;
        this.sweeps = sweeps;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Duration interval() {
        return interval;
    }

    /** Only the marked stores, except when the sweep is due (every active store). */
    @Override
    public final @Nullable Set<String> storesWithWork(Instant now) {
        return sweeps.storesWithWork(now);
    }
}
