package com.m4s.store.gift;

import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.idempotency.Sha256;
import com.m4s.platform.jobs.JobWork;
import com.m4s.platform.jobs.StoreJobRunner;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import com.m4s.store.member.Members;
import com.m4s.store.segment.Segments;
import com.m4s.store.selection.MemberFile;
import com.m4s.store.selection.MemberSelection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import com.m4s.store.selection.RowByRow;

/**
 * Batch distribution of a gift (GIFT-3, decision 0049). Staff draft a distribution (a gift, how many each, why),
 * choose its members from a segment, an uploaded list or by hand (as point campaigns choose theirs:
 * {@link MemberSelection}, {@link Segments#memberIds}) and start it; the store's job {@value GiftDistributionJob#JOB}
 * then gives the gift member by member, each in a transaction of its own: the member's row locked, the gift locked,
 * the member's limit and the stock checked (else the member is skipped with why), a redemption of channel BATCH with
 * no points and a DISTRIBUTE stock movement written, and the row's outcome, all together. The redemption's key
 * {@code gift-distribution:<distribution>:<member>} is unique in the database (as is the pair itself), and the stock
 * movement is keyed by it, so a run cut short resumes with the members not done and a member done twice (progress
 * lost) keeps the one gift they got.
 */
@Service
public class GiftDistributions {

    /** The most members one distribution may hold. */
    public static final int MAX_MEMBERS = 10_000;
    /** Members read per batch of a run. */

    private final GiftDistributionRepository distributions;
    private final GiftDistributionMemberRepository distributionMembers;
    private final GiftRepository gifts;
    private final GiftRedemptionRepository redemptions;
    private final Gifts warehouse;
    private final GiftList list;
    private final Members members;
    private final Segments segments;
    private final MemberSelection selection;
    private final EventOutbox events;
    private final JobWork work;
    private final StoreJobRunner jobs;
    private final TransactionTemplate tx;
    private final RowByRow rows;
    private final Clock clock;


    GiftDistributions(GiftDistributionRepository distributions, GiftDistributionMemberRepository distributionMembers,
            GiftRepository gifts, GiftRedemptionRepository redemptions, Gifts warehouse, GiftList list,
            Members members, Segments segments, MemberSelection selection, EventOutbox events, JobWork work,
            @Lazy StoreJobRunner jobs, TransactionTemplate tx, Clock clock) {
        this.distributions = distributions;
        this.distributionMembers = distributionMembers;
        this.gifts = gifts;
        this.redemptions = redemptions;
        this.warehouse = warehouse;
        this.list = list;
        this.members = members;
        this.segments = segments;
        this.selection = selection;
        this.events = events;
        this.work = work;
        this.jobs = jobs;
        this.tx = tx;
        this.rows = new RowByRow(tx);
        this.clock = clock;
    }

    /** Sets the test hook ({@link RowByRow#crashAfter}) (a method, so it reaches the bean behind its proxy). */
    void crashAfter(int members) {
        rows.crashAfter(members);
    }

    // --- reading

    @Transactional(readOnly = true)
    public PageResult<GiftViews.DistributionView> list(GiftList.DistributionFilter filter, SqlPage page) {
        return list.distributions(filter, page);
    }

    @Transactional(readOnly = true)
    public GiftViews.DistributionView view(UUID id) {
        return list.distribution(id).orElseThrow(() -> new ApiException.NotFound("gift-distribution", id));
    }

    @Transactional(readOnly = true)
    public PageResult<GiftViews.DistributionMemberView> members(UUID id, @Nullable String outcome, SqlPage page) {
        view(id);
        return list.distributionMembers(id, outcome, page);
    }

    /** Every member of the distribution with what was done for them (the report's export); how many. */
    @Transactional(readOnly = true)
    public long exportMembers(UUID id, @Nullable String outcome, SqlPage order,
            Consumer<GiftViews.DistributionMemberView> sink) {
        view(id);
        return list.eachDistributionMember(id, outcome, order, sink);
    }

    // --- drafting

    /** A draft distribution of a gift, with members picked by hand and a segment's members if given. */
    @Transactional
    public GiftViews.DistributionView create(GiftRequests.DistributionForm form, String actor) {
        Gift gift = gifts.findById(form.giftId()).orElseThrow(() -> new ApiException.NotFound("gift", form.giftId()));
        GiftDistribution distribution = distributions.saveAndFlush(new GiftDistribution(gift.id(),
                form.title().strip(), form.quantity(), actor, clock.instant()));
        publish(GiftEvents.Type.GiftDistributionCreated, distribution);
        if (form.memberIds() != null && !form.memberIds().isEmpty()) {
            addPicked(distribution, form.memberIds());
        }
        if (form.segmentId() != null) {
            addSegment(distribution, form.segmentId());
        }
        if (form.memberIds() != null && !form.memberIds().isEmpty() || form.segmentId() != null) {
            changed(distribution);
        }
        return view(distribution.id());
    }

    /** Adds members picked by hand (those already in are left as they are); 422 for an unknown member. */
    @Transactional
    public GiftViews.DistributionView addMembers(UUID id, List<UUID> memberIds) {
        GiftDistribution distribution = draft(id);
        addPicked(distribution, memberIds);
        changed(distribution);
        return view(id);
    }

    /** Adds the members a segment matches now (a snapshot); those already in are left as they are. */
    @Transactional
    public GiftViews.DistributionSegmentResult addFromSegment(UUID id, UUID segmentId) {
        GiftDistribution distribution = draft(id);
        SegmentAdded added = addSegment(distribution, segmentId);
        if (added.added() > 0) {
            changed(distribution);
        }
        return new GiftViews.DistributionSegmentResult(segmentId, added.name(), added.matched(), added.added(),
                added.alreadyIn(), view(id));
    }

    /**
     * Adds the members an uploaded list names (phone, then plate); the lines that match nobody come back with their
     * reasons, the rest are added.
     */
    @Transactional
    public GiftViews.DistributionFileResult addFromFile(UUID id, List<MemberFile.Line> lines,
            Function<ApiException, String> reasonText) {
        GiftDistribution distribution = draft(id);
        MemberSelection.Matched matched = selection.match(lines, reasonText);
        int added = 0;
        int alreadyIn = 0;
        long present = distributionMembers.countByDistributionId(id);
        for (UUID member : matched.memberIds()) {
            if (distributionMembers.existsByDistributionIdAndMemberId(id, member)) {
                alreadyIn++;
                continue;
            }
            if (present + added >= MAX_MEMBERS) {
                throw new ApiException.Unprocessable("gift-distribution-too-many-members", MAX_MEMBERS);
            }
            distributionMembers.saveAndFlush(new GiftDistributionMember(id, member,
                    GiftDistributionMember.DistributionChosenBy.FILE, null, clock.instant()));
            added++;
        }
        if (added > 0) {
            changed(distribution);
        }
        return new GiftViews.DistributionFileResult(lines.size(), added, alreadyIn, matched.unmatched().stream()
                .map(u -> new GiftViews.DistributionUnmatchedLine(u.rowNo(), u.value(), u.type(), u.reason()))
                .toList(), view(id));
    }

    /** Takes a member out of a draft. */
    @Transactional
    public GiftViews.DistributionView removeMember(UUID id, UUID memberId) {
        GiftDistribution distribution = draft(id);
        GiftDistributionMember row = distributionMembers.findByDistributionIdAndMemberId(id, memberId)
                .orElseThrow(() -> new ApiException.NotFound("gift-distribution-member", memberId));
        distributionMembers.delete(row);
        distributionMembers.flush();
        changed(distribution);
        return view(id);
    }

    /** Discards a draft (nothing was given); 409 once started. */
    @Transactional
    public void discard(UUID id) {
        GiftDistribution distribution = draft(id);
        publish(GiftEvents.Type.GiftDistributionDiscarded, distribution);
        distributions.delete(distribution);
        distributions.flush();
    }

    /**
     * Starts a draft (send the version confirmed: 409 on a stale one); it needs members (422
     * {@code gift-distribution-no-members}). The store's job is asked to run after the commit.
     */
    @Transactional
    public GiftViews.DistributionView start(UUID id, @Nullable Long expectedVersion, String actor) {
        GiftDistribution distribution = draft(id);
        Versions.expect(GiftDistribution.class, id, distribution.version(), expectedVersion);
        if (distributionMembers.countByDistributionId(id) == 0) {
            throw new ApiException.Unprocessable("gift-distribution-no-members", distribution.title());
        }
        Instant now = clock.instant();
        distribution.start(actor, now);
        distributions.saveAndFlush(distribution);
        publish(GiftEvents.Type.GiftDistributionStarted, distribution);
        work.mark(GiftDistributionJob.JOB, now);
        String store = TenantContext.require().storeCode();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                jobs.runSoon(GiftDistributionJob.JOB, store);
            }
        });
        return view(id);
    }

    // --- giving (the job's)

    /** Gives every running distribution of the current store, oldest start first; members done. */
    int giveRunning() {
        List<UUID> running = Objects.requireNonNull(tx.execute(status -> distributions
                .findByStatusInOrderByStartedAtAscIdAsc(List.of(GiftDistributionStatus.RUNNING)).stream()
                .map(GiftDistribution::id).toList()));
        int done = 0;
        for (UUID id : running) {
            done += give(id);
        }
        return done;
    }

    /**
     * Gives the distribution's members not done yet, each in a transaction of its own, then marks it done; one not
     * running is left alone. Members done.
     */
    int give(UUID id) {
        Boolean running = tx.execute(status -> distributions.findById(id)
                .map(d -> d.status() == GiftDistributionStatus.RUNNING).orElse(false));
        if (!Boolean.TRUE.equals(running)) {
            return 0;
        }
        int done = rows.run("distribution " + id, () -> distributionMembers
                .findByDistributionIdAndOutcomeIsNullOrderByIdAsc(id, Limit.of(RowByRow.BATCH)).stream()
                .map(GiftDistributionMember::id).toList(), this::giveOne);
        tx.executeWithoutResult(status -> {
            GiftDistribution distribution = distributions.lock(id).orElseThrow();
            if (distribution.status() == GiftDistributionStatus.RUNNING) {
                distribution.finish(clock.instant());
                distributions.saveAndFlush(distribution);
                publish(GiftEvents.Type.GiftDistributionFinished, distribution);
            }
        });
        return done;
    }

    /** One member: given once (the key holds even when the row's progress was lost), or skipped with why. */
    private void giveOne(UUID rowId) {
        GiftDistributionMember row = distributionMembers.lock(rowId).orElse(null);
        if (row == null || row.outcome() != null) {
            return;
        }
        GiftDistribution distribution = distributions.findById(row.distributionId()).orElseThrow();
        Instant now = clock.instant();
        String key = key(distribution.id(), row.memberId());
        var earlier = redemptions.findByIdempotencyKey(key);
        if (earlier.isPresent()) {
            row.given(earlier.get().id(), now);
            distributionMembers.saveAndFlush(row);
            return;
        }
        if (members.contact(row.memberId()).isEmpty()) {
            skip(row, GiftDistributionMember.DistributionSkipReason.MEMBER_GONE, now);
            return;
        }
        // the gift first, as every move of the warehouse takes it
        Gift gift = gifts.lock(distribution.giftId()).orElseThrow();
        int quantity = distribution.quantity();
        Integer limit = gift.memberLimit();
        if (limit != null && redemptions.redeemedBy(row.memberId(), gift.id()) + quantity > limit) {
            skip(row, GiftDistributionMember.DistributionSkipReason.MEMBER_LIMIT, now);
            return;
        }
        if (gift.stock() < quantity) {
            skip(row, GiftDistributionMember.DistributionSkipReason.OUT_OF_STOCK, now);
            return;
        }
        String actor = Objects.requireNonNullElse(distribution.startedBy(), "system");
        GiftRedemption given = GiftRedemption.given(gift, row.memberId(), quantity, distribution.id(), key,
                Sha256.hex(distribution.id() + "|" + row.memberId() + "|" + quantity), actor, now);
        redemptions.saveAndFlush(given);
        warehouse.move(gift, GiftStockKind.DISTRIBUTE, -quantity, given.id(), null, key + ":stock", actor);
        warehouse.publish(GiftEvents.Type.GiftDistributed, given);
        row.given(given.id(), now);
        distributionMembers.saveAndFlush(row);
    }

    private void skip(GiftDistributionMember row, GiftDistributionMember.DistributionSkipReason reason, Instant now) {
        row.skipped(reason, now);
        distributionMembers.saveAndFlush(row);
    }

    /** The key of a distribution's gift to a member: at most one per distribution and member, ever. */
    static String key(UUID distribution, UUID member) {
        return "gift-distribution:" + distribution + ":" + member;
    }

    // --- helpers

    private void addPicked(GiftDistribution distribution, List<UUID> memberIds) {
        long present = distributionMembers.countByDistributionId(distribution.id());
        for (UUID member : new LinkedHashSet<>(memberIds)) {
            if (!selection.exists(member)) {
                throw new ApiException.Unprocessable("gift-distribution-member-unknown", member).field("memberIds");
            }
            if (distributionMembers.existsByDistributionIdAndMemberId(distribution.id(), member)) {
                continue;
            }
            if (++present > MAX_MEMBERS) {
                throw new ApiException.Unprocessable("gift-distribution-too-many-members", MAX_MEMBERS);
            }
            distributionMembers.saveAndFlush(new GiftDistributionMember(distribution.id(), member,
                    GiftDistributionMember.DistributionChosenBy.HAND, null, clock.instant()));
        }
    }

    private record SegmentAdded(String name, int matched, int added, int alreadyIn) {
    }

    /** Adds a segment's members now. */
    private SegmentAdded addSegment(GiftDistribution distribution, UUID segmentId) {
        Segments.SegmentMembers chosen = segments.memberIds(segmentId, MAX_MEMBERS + 1);
        long present = distributionMembers.countByDistributionId(distribution.id());
        int added = 0;
        int alreadyIn = 0;
        Instant now = clock.instant();
        List<GiftDistributionMember> rows = new ArrayList<>();
        for (UUID member : chosen.memberIds()) {
            if (distributionMembers.existsByDistributionIdAndMemberId(distribution.id(), member)) {
                alreadyIn++;
                continue;
            }
            if (present + added >= MAX_MEMBERS) {
                throw new ApiException.Unprocessable("gift-distribution-too-many-members", MAX_MEMBERS);
            }
            rows.add(new GiftDistributionMember(distribution.id(), member,
                    GiftDistributionMember.DistributionChosenBy.SEGMENT, segmentId, now));
            added++;
        }
        distributionMembers.saveAll(rows);
        distributionMembers.flush();
        return new SegmentAdded(chosen.name(), chosen.memberIds().size(), added, alreadyIn);
    }

    private GiftDistribution draft(UUID id) {
        GiftDistribution distribution = distributions.lock(id)
                .orElseThrow(() -> new ApiException.NotFound("gift-distribution", id));
        if (distribution.status() != GiftDistributionStatus.DRAFT) {
            throw new ApiException.Conflict("gift-distribution-started", distribution.title());
        }
        return distribution;
    }

    private void changed(GiftDistribution distribution) {
        distribution.membersChanged(clock.instant());
        distributions.saveAndFlush(distribution);
        publish(GiftEvents.Type.GiftDistributionMembersChanged, distribution);
    }

    private void publish(GiftEvents.Type type, GiftDistribution d) {
        String store = TenantContext.require().storeCode();
        GiftViews.DistributionView now = list.distribution(d.id()).orElseThrow();
        events.publish(GiftEvents.TOPIC, type.name(), new GiftEvents.GiftDistributionChanged(d.id(), d.giftId(),
                store, warehouse.group(store), d.status(), d.quantity(), now.members(), now.given(), now.skipped(),
                d.version()));
    }
}
