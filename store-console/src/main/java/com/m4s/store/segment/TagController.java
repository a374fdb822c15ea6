package com.m4s.store.segment;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Members' tags (会员标签, MEM-4): the store's tags, a member's tags, one tag for many members at once. */
@RestController
@Validated
@RequestMapping("/api/stores/{store}/tags")
@Allow(Permission.SEGMENT_VIEW)
@Tag(name = "tags", description = "Free-text tags staff give members; segments select by them (MEM-4)")
class TagController {

    private final MemberTags tags;

    TagController(MemberTags tags) {
        this.tags = tags;
    }

    @GetMapping
    @Operation(summary = "The store's tags by name, each with how many members have it")
    List<SegmentViews.TagView> all(@PathVariable String store) {
        return tags.all();
    }

    @GetMapping("/members/{memberId}")
    @Operation(summary = "A member's tags")
    SegmentViews.MemberTagsView member(@PathVariable String store, @PathVariable UUID memberId) {
        return tags.of(memberId);
    }

    @Allow(Permission.MEMBER_TAG)
    @PutMapping("/members/{memberId}")
    @Operation(summary = "Set a member's tags to exactly these (tags new to the store are made); audited")
    SegmentViews.MemberTagsView set(@PathVariable String store, @PathVariable UUID memberId,
            @Valid @RequestBody SegmentRequests.MemberTagsChange change) {
        return tags.set(memberId, change.tags(), Caller.currentUsername());
    }

    @Allow(Permission.MEMBER_TAG)
    @PostMapping("/batch")
    @Operation(summary = "Give one tag to many members (the member list's batch action); those who have it keep it;"
            + " 422 member-tag-member-unknown and nothing tagged for a member that does not exist")
    SegmentViews.TagBatchResult batch(@PathVariable String store,
            @Valid @RequestBody SegmentRequests.MemberTagsBatch batch) {
        return tags.tagAll(batch.memberIds(), batch.tag(), Caller.currentUsername());
    }
}
