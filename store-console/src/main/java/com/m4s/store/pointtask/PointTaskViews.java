package com.m4s.store.pointtask;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the point task endpoints answer. */
public final class PointTaskViews {

    /**
     * A task with what it granted so far, read from the ledger: the members it rewarded and their points, net.
     */
    public record PointTaskView(UUID id, String name, String description, PointTaskTrigger trigger,
            PointTaskReward rewardKind, @Nullable Long points, @Nullable BigDecimal pointsPerYuan,
            PointTaskLimit memberLimit, LocalDate validFrom, @Nullable LocalDate validUntil, PointTaskStatus status,
            @Nullable Instant publishedAt, @Nullable Instant endedAt, String createdBy, Instant createdAt,
            long membersRewarded, long pointsGranted, Set<PointTaskStatus.Move> moves, long version) {
    }

    /**
     * One trigger of the catalogue: whether tasks can use it now, whether it carries an amount for a ratio, whether a
     * task may reward without limit, and whether it rewards once per referred member (limit ONCE only).
     */
    public record PointTaskTriggerView(PointTaskTrigger trigger, boolean available, boolean amount,
            boolean unlimitedAllowed, boolean onceOnly) {
    }

    /** The owner's check-in: the points it granted today and the balance after. */
    public record CheckInResult(long points, long available) {
    }

    private PointTaskViews() {
    }
}
