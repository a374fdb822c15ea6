package com.m4s.store.segment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** What the segment and tag endpoints take. */
public final class SegmentRequests {

    /** The longest tag, in characters. */
    static final int TAG_LENGTH = 20;

    /** A segment as the editor sends it: a name and its rules (combined with AND). */
    public record SegmentChange(@NotBlank @Size(max = 60) String name,
            @NotNull @Size(max = SegmentRules.MAX_RULES) List<@Valid @NotNull SegmentRule> rules) {
    }

    /** Rules not saved yet, for the editor's live count and preview. */
    public record SegmentPreviewRequest(
            @NotNull @Size(max = SegmentRules.MAX_RULES) List<@Valid @NotNull SegmentRule> rules) {
    }

    /** A member's tags as they should be now (tags new to the store are made). */
    public record MemberTagsChange(@NotNull @Size(max = 20) List<@NotBlank @Size(max = TAG_LENGTH) String> tags) {
    }

    /** One tag given to many members at once (the member list's batch action). */
    public record MemberTagsBatch(@NotNull @Size(min = 1, max = 10_000) List<UUID> memberIds,
            @NotBlank @Size(max = TAG_LENGTH) String tag) {
    }

    private SegmentRequests() {
    }
}
