package com.m4s.store.timeline;

import com.m4s.platform.security.Caller;
import com.m4s.platform.web.ApiException;
import com.m4s.store.member.Members;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a member's timeline with the kinds the caller's permissions allow (decision 0042). */
@Service
class MemberTimelines {

    private final MemberTimeline timeline;
    private final Members members;

    MemberTimelines(MemberTimeline timeline, Members members) {
        this.timeline = timeline;
        this.members = members;
    }

    /** The kinds whose permission the caller holds. */
    static Set<TimelineKind> visibleTo(@Nullable Caller caller) {
        Set<TimelineKind> kinds = EnumSet.noneOf(TimelineKind.class);
        if (caller != null) {
            Arrays.stream(TimelineKind.values()).filter(k -> k.permission().grantedTo(caller)).forEach(kinds::add);
        }
        return kinds;
    }

    /**
     * A page of the member's timeline: the kinds asked for (all when none) that the caller may see, newest first,
     * after the cursor. 404 for a member the store does not have; 400 {@code timeline-cursor} for a cursor this
     * endpoint did not give.
     */
    @Transactional(readOnly = true)
    public TimelineViews.TimelinePage page(UUID member, @Nullable Collection<TimelineKind> asked,
            @Nullable String before, int size) {
        MemberTimeline.Cursor cursor;
        try {
            cursor = MemberTimeline.Cursor.parse(before);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ApiException.BadRequest("timeline-cursor");
        }
        if (members.contact(member).isEmpty()) {
            throw new ApiException.NotFound("member", member);
        }
        Set<TimelineKind> visible = visibleTo(Caller.current().orElse(null));
        Set<TimelineKind> kinds = EnumSet.noneOf(TimelineKind.class);
        kinds.addAll(asked == null || asked.isEmpty() ? visible : asked);
        kinds.retainAll(visible);
        MemberTimeline.Page page = timeline.page(member, kinds, cursor, size);
        List<TimelineViews.TimelineItem> items = page.rows().stream().map(r -> new TimelineViews.TimelineItem(r.at(),
                r.kind(), r.event(), r.key(), r.params(), r.amount(), r.points(), r.target())).toList();
        return new TimelineViews.TimelinePage(items, page.next() == null ? null : page.next().text(),
                List.copyOf(visible));
    }
}
