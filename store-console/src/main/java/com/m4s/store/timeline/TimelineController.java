package com.m4s.store.timeline;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Member 360 (MEM-2): one stream of a member's dealings with the store. */
@RestController
@RequestMapping("/api/stores/{store}/members/{memberId}/timeline")
@Allow(Permission.MEMBER_VIEW)
@Tag(name = "member-timeline", description = "A member's dealings with the store, newest first (MEM-2)")
class TimelineController {

    private final MemberTimelines timelines;

    TimelineController(MemberTimelines timelines) {
        this.timelines = timelines;
    }

    @GetMapping
    @Operation(summary = "A member's timeline: repair orders, points, used cars, card steps, texts, ratings and"
            + " advisor changes, newest first; each kind only for callers with the permission that reads it."
            + " Page on with `before` = the answer's `next`")
    TimelineViews.TimelinePage timeline(@PathVariable String store, @PathVariable UUID memberId,
            @RequestParam(required = false) @Nullable List<TimelineKind> kinds,
            @RequestParam(required = false) @Nullable String before,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return timelines.page(memberId, kinds, before, size);
    }
}
