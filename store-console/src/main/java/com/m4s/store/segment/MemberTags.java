package com.m4s.store.segment;

import com.m4s.platform.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff tag members (MEM-4): free-text tags of the store, made the first time they are given. Every change goes
 * through Hibernate, so the audit trail has one entry per tag given or taken. Tags publish no events: member changes
 * other than joining and signing up publish none (decision 0036), and segments read tags on every evaluation.
 */
@Service
class MemberTags {

    private final MemberTagNameRepository names;
    private final MemberTagRepository tags;
    private final SegmentQuery query;
    private final Clock clock;

    MemberTags(MemberTagNameRepository names, MemberTagRepository tags, SegmentQuery query, Clock clock) {
        this.names = names;
        this.tags = tags;
        this.query = query;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<SegmentViews.TagView> all() {
        return query.tags();
    }

    @Transactional(readOnly = true)
    SegmentViews.MemberTagsView of(UUID member) {
        requireMember(member);
        return new SegmentViews.MemberTagsView(member, query.memberTags(member));
    }

    /** Sets a member's tags to exactly these (given ones added, others taken off); tags new to the store are made. */
    @Transactional
    SegmentViews.MemberTagsView set(UUID member, List<String> wanted, String actor) {
        requireMember(member);
        Set<String> want = clean(wanted);
        Map<UUID, MemberTagName> byId = names.findAllById(tags.findByMemberId(member).stream()
                .map(MemberTag::tagId).toList()).stream().collect(Collectors.toMap(MemberTagName::id,
                        Function.identity()));
        Set<String> have = new LinkedHashSet<>();
        for (MemberTag tag : tags.findByMemberId(member)) {
            String name = byId.get(tag.tagId()).name();
            if (want.contains(name)) {
                have.add(name);
            } else {
                tags.delete(tag);
            }
        }
        Instant now = clock.instant();
        for (String name : want) {
            if (!have.contains(name)) {
                tags.save(new MemberTag(member, tagNamed(name, actor, now).id(), actor, now));
            }
        }
        tags.flush();
        return new SegmentViews.MemberTagsView(member, query.memberTags(member));
    }

    /** Gives one tag to many members (those who have it keep it); 422 for a member that does not exist. */
    @Transactional
    SegmentViews.TagBatchResult tagAll(List<UUID> members, String tag, String actor) {
        String name = clean(List.of(tag)).iterator().next();
        Instant now = clock.instant();
        MemberTagName tagName = tagNamed(name, actor, now);
        int tagged = 0;
        int already = 0;
        for (UUID member : new LinkedHashSet<>(members)) {
            if (!query.memberExists(member)) {
                throw new ApiException.Unprocessable("member-tag-member-unknown", member).field("memberIds");
            }
            if (tags.existsByMemberIdAndTagId(member, tagName.id())) {
                already++;
                continue;
            }
            tags.save(new MemberTag(member, tagName.id(), actor, now));
            tagged++;
        }
        tags.flush();
        return new SegmentViews.TagBatchResult(name, tagged, already);
    }

    private MemberTagName tagNamed(String name, String actor, Instant now) {
        return names.findByName(name).orElseGet(() -> names.saveAndFlush(new MemberTagName(name, actor, now)));
    }

    private static Set<String> clean(List<String> wanted) {
        Set<String> out = new LinkedHashSet<>();
        for (String tag : wanted) {
            String name = tag.strip().replaceAll("\\s+", " ");
            if (name.isEmpty() || name.length() > SegmentRequests.TAG_LENGTH) {
                throw new ApiException.Unprocessable("member-tag-invalid", tag).field("tags");
            }
            out.add(name);
        }
        return out;
    }

    private void requireMember(UUID member) {
        if (!query.memberExists(member)) {
            throw new ApiException.NotFound("member", member);
        }
    }
}
