package com.m4s.store.pointtask;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The point task's domain events, all on topic {@value #TOPIC}. */
public final class PointTaskEvents {

    public static final String TOPIC = "m4s.pointtask";

    /** Event types, past tense: one per step of a task, and one per grant it made. */
    public enum Type {
        PointTaskCreated, PointTaskEdited, PointTaskPublished, PointTaskEnded, PointTaskRewarded
    }

    /** The payload of a task's steps: the task after the step. */
    public record PointTaskChanged(UUID taskId, String store, @Nullable String group, long version, String name,
            PointTaskTrigger trigger, PointTaskStatus status, LocalDate validFrom, @Nullable LocalDate validUntil) {
    }

    /** A grant: the member (an id, no names), the points and the ledger entry that holds them. */
    public record PointTaskRewarded(UUID taskId, String store, @Nullable String group, UUID memberId,
            PointTaskTrigger trigger, long points, UUID entryId) {
    }

    private PointTaskEvents() {
    }
}
