package com.m4s.store.segment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the segment and tag endpoints answer. */
public final class SegmentViews {

    /** A saved segment with how many members match its rules now (counted on every read). */
    public record SegmentView(UUID id, String name, List<SegmentRule> rules, long members, String createdBy,
            Instant createdAt, Instant updatedAt, long version) {
    }

    /** A member a segment matches, with what its rules read: card level, available points, last visit, tags. */
    public record SegmentMemberView(UUID id, String name, String phone, List<String> plates,
            @Nullable String cardLevel, long points, @Nullable Instant lastVisitAt, List<String> tags) {
    }

    /** One of the store's tags and how many members have it. */
    public record TagView(UUID id, String name, long members) {
    }

    /** A member's tags, by name. */
    public record MemberTagsView(UUID memberId, List<String> tags) {
    }

    /** What a batch tagging did: members newly tagged, and those who had the tag already. */
    public record TagBatchResult(String tag, int tagged, int alreadyTagged) {
    }

    private SegmentViews() {
    }
}
