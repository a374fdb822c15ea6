package com.m4s.store.segment;

import com.m4s.platform.time.StoreTime;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved segments (MEM-4, decision 0041): a name and rules combined with AND, checked before they are written and
 * evaluated on every read as one SQL statement, so counts and members follow the data without touching the segment.
 * Other features take a segment's current members through {@link #memberIds}.
 */
@Service
public class Segments {

    private static final TypeReference<List<SegmentRule>> RULES = new TypeReference<>() {
    };

    private final MemberSegmentRepository segments;
    private final MemberTagNameRepository tagNames;
    private final SegmentQuery query;
    private final StoreTime storeTime;
    private final JsonMapper json;
    private final Clock clock;

    Segments(MemberSegmentRepository segments, MemberTagNameRepository tagNames, SegmentQuery query,
            StoreTime storeTime, JsonMapper json, Clock clock) {
        this.segments = segments;
        this.tagNames = tagNames;
        this.query = query;
        this.storeTime = storeTime;
        this.json = json;
        this.clock = clock;
    }

    /** A segment's name, for callers that record where members came from. */
    public record SegmentMembers(UUID segmentId, String name, List<UUID> memberIds) {
    }

    /**
     * The members a segment matches now, in id order, at most {@code limit} (404 for an unknown segment). Runs in the
     * caller's transaction.
     */
    @Transactional(readOnly = true)
    public SegmentMembers memberIds(UUID segmentId, int limit) {
        MemberSegment segment = find(segmentId);
        return new SegmentMembers(segment.id(), segment.name(), query.memberIds(where(rules(segment.rules())), limit));
    }

    // --- reading

    @Transactional(readOnly = true)
    public PageResult<SegmentViews.SegmentView> list(@Nullable String q, SqlPage page) {
        PageResult<SegmentQuery.Row> rows = query.page(q, page);
        return new PageResult<>(rows.content().stream().map(this::view).toList(), rows.page(), rows.size(),
                rows.totalElements(), rows.totalPages());
    }

    @Transactional(readOnly = true)
    public long export(@Nullable String q, SqlPage order, Consumer<SegmentViews.SegmentView> sink) {
        return query.each(q, order, row -> sink.accept(view(row)));
    }

    @Transactional(readOnly = true)
    public SegmentViews.SegmentView get(UUID id) {
        return view(find(id));
    }

    @Transactional(readOnly = true)
    public PageResult<SegmentViews.SegmentMemberView> members(UUID id, SqlPage page) {
        return query.members(where(rules(find(id).rules())), page);
    }

    @Transactional(readOnly = true)
    public long exportMembers(UUID id, SqlPage order, Consumer<SegmentViews.SegmentMemberView> sink) {
        return query.eachMember(where(rules(find(id).rules())), order, sink);
    }

    /** The members rules not saved yet would match (the editor's live count and preview); 422 for bad rules. */
    @Transactional(readOnly = true)
    public PageResult<SegmentViews.SegmentMemberView> preview(List<SegmentRule> rules, SqlPage page) {
        check(rules);
        return query.members(where(rules), page);
    }

    // --- writing

    @Transactional
    public SegmentViews.SegmentView create(SegmentRequests.SegmentChange change, String actor) {
        check(change.rules());
        String name = change.name().strip();
        if (segments.findByName(name).isPresent()) {
            throw new ApiException.Conflict("segment-name-taken", name).field("name");
        }
        MemberSegment segment = segments.saveAndFlush(new MemberSegment(name, json.writeValueAsString(
                change.rules()), actor, clock.instant()));
        return view(segment);
    }

    /** Changes a segment's name and rules; send the version read (If-Match). */
    @Transactional
    public SegmentViews.SegmentView edit(UUID id, SegmentRequests.SegmentChange change,
            @Nullable Long expectedVersion) {
        MemberSegment segment = find(id);
        Versions.expect(MemberSegment.class, id, segment.version(), expectedVersion);
        check(change.rules());
        String name = change.name().strip();
        if (segments.findByName(name).filter(other -> !other.id().equals(id)).isPresent()) {
            throw new ApiException.Conflict("segment-name-taken", name).field("name");
        }
        segment.change(name, json.writeValueAsString(change.rules()), clock.instant());
        return view(segments.saveAndFlush(segment));
    }

    @Transactional
    public void delete(UUID id) {
        segments.delete(find(id));
    }

    // --- helpers

    private void check(List<SegmentRule> rules) {
        Set<String> levels = new HashSet<>(query.levelCodes());
        Set<String> tags = new HashSet<>();
        rules.stream().filter(r -> r.type() == SegmentRule.SegmentRuleType.TAG && r.values() != null)
                .forEach(r -> tagNames.findByNameIn(r.values()).forEach(t -> tags.add(t.name())));
        SegmentRules.check(rules, new SegmentRules.Known(levels::contains, tags::contains));
    }

    private SegmentRules.Where where(List<SegmentRule> rules) {
        return SegmentRules.where(rules, storeTime.now());
    }

    private List<SegmentRule> rules(String text) {
        return json.readValue(text, RULES);
    }

    private SegmentViews.SegmentView view(MemberSegment s) {
        List<SegmentRule> rules = rules(s.rules());
        return new SegmentViews.SegmentView(s.id(), s.name(), rules, query.count(where(rules)), s.createdBy(),
                s.createdAt(), s.updatedAt(), s.version());
    }

    private SegmentViews.SegmentView view(SegmentQuery.Row s) {
        List<SegmentRule> rules = rules(s.rules());
        return new SegmentViews.SegmentView(s.id(), s.name(), rules, query.count(where(rules)), s.createdBy(),
                s.createdAt(), s.updatedAt(), s.version());
    }

    private MemberSegment find(UUID id) {
        return segments.findById(id).orElseThrow(() -> new ApiException.NotFound("segment", id));
    }
}
