package com.m4s.store.campaign;

import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.jobs.JobWork;
import com.m4s.platform.jobs.StoreJobRunner;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Problems;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import com.m4s.store.member.Members;
import com.m4s.store.points.Points;
import com.m4s.store.points.SourceType;
import com.m4s.store.segment.Segments;
import com.m4s.store.selection.MemberFile;
import com.m4s.store.selection.MemberSelection;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
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
 * Manual point campaigns (PTS-3, decision 0037), the one way they move: each step checks the campaign's status allows
 * it ({@link PointCampaignStatus#allows}), changes the campaign and publishes its event in the same transaction.
 * The author never reviews their own campaign. An approval asks the store's job {@value PointCampaignGrantJob#JOB} to
 * grant; each member is granted in a transaction of its own through the ledger with the key
 * {@code campaign:<campaign>:<member>}, and the member's row records the outcome in that same transaction, so a run
 * cut short resumes with the members not done, and a member done twice (progress lost) gets the first grant back.
 */
@Service
public class PointCampaigns {

    /** The most members one campaign may hold. */
    public static final int MAX_MEMBERS = 10_000;
    /** Members read per batch of a grant run. */

    private final PointCampaignRepository campaigns;
    private final CampaignMemberRepository campaignMembers;
    private final PointCampaignList list;
    private final Points points;
    private final Members members;
    private final Segments segments;
    private final MemberSelection selection;
    private final EventOutbox events;
    private final TenantRegistry tenants;
    private final JobWork work;
    private final StoreJobRunner jobs;
    private final TransactionTemplate tx;
    private final RowByRow rows;
    private final Clock clock;

    PointCampaigns(PointCampaignRepository campaigns, CampaignMemberRepository campaignMembers,
            PointCampaignList list, Points points, Members members, Segments segments, MemberSelection selection,
            EventOutbox events, TenantRegistry tenants,
            JobWork work, @Lazy StoreJobRunner jobs, TransactionTemplate tx, Clock clock) {
        this.campaigns = campaigns;
        this.campaignMembers = campaignMembers;
        this.list = list;
        this.points = points;
        this.members = members;
        this.segments = segments;
        this.selection = selection;
        this.events = events;
        this.tenants = tenants;
        this.work = work;
        this.jobs = jobs;
        this.tx = tx;
        this.rows = new RowByRow(tx);
        this.clock = clock;
    }

    /** Sets the test hook ({@link RowByRow#crashAfter}) (a method, so it reaches the bean behind its transaction proxy). */
    void crashAfter(int members) {
        rows.crashAfter(members);
    }

    // --- reading

    @Transactional(readOnly = true)
    public PageResult<PointCampaignViews.PointCampaignView> list(@Nullable Collection<PointCampaignStatus> statuses,
            @Nullable String query, SqlPage page, String caller) {
        PageResult<PointCampaignViews.PointCampaignView> found = list.page(statuses, query, page, caller);
        Map<UUID, Points.SourceTotal> totals = points.totalsBySource(
                found.content().stream().map(PointCampaignViews.PointCampaignView::id).toList());
        return new PageResult<>(found.content().stream().map(v -> withPoints(v, totals.get(v.id()))).toList(),
                found.page(), found.size(), found.totalElements(), found.totalPages());
    }

    /** Every campaign the list shows for this filter, one at a time (an export); how many. */
    @Transactional(readOnly = true)
    public long export(@Nullable Collection<PointCampaignStatus> statuses, @Nullable String query, SqlPage order,
            String caller, Consumer<PointCampaignViews.PointCampaignView> sink) {
        return list.each(statuses, query, order, caller, sink);
    }

    @Transactional(readOnly = true)
    public PointCampaignViews.PointCampaignView get(UUID id, String caller) {
        find(id);
        return view(id, caller);
    }

    @Transactional(readOnly = true)
    public PageResult<PointCampaignViews.PointCampaignMemberView> members(UUID id, SqlPage page) {
        find(id);
        return list.members(id, page);
    }

    // --- drafting

    @Transactional
    public PointCampaignViews.PointCampaignView create(PointCampaignRequests.PointCampaignChange change, String actor,
            String subject) {
        PointCampaign campaign = campaigns.saveAndFlush(new PointCampaign(change, actor, subject, clock.instant()));
        if (change.memberIds() != null) {
            add(campaign, change.memberIds(), CampaignMember.CampaignChosenBy.HAND);
        }
        publish(campaign, PointCampaignEvents.Type.PointCampaignCreated);
        return view(campaign.id(), subject);
    }

    /** Changes a draft or a rejected campaign (which becomes a draft again); send the version read. */
    @Transactional
    public PointCampaignViews.PointCampaignView edit(UUID id, PointCampaignRequests.PointCampaignChange change,
            @Nullable Long expectedVersion, String caller) {
        PointCampaign campaign = lock(id);
        Versions.expect(PointCampaign.class, id, campaign.version(), expectedVersion);
        require(campaign, PointCampaignStatus.Move.EDIT);
        campaign.change(change, clock.instant());
        campaigns.saveAndFlush(campaign);
        if (change.memberIds() != null) {
            add(campaign, change.memberIds(), CampaignMember.CampaignChosenBy.HAND);
        }
        publish(campaign, PointCampaignEvents.Type.PointCampaignEdited);
        return view(id, caller);
    }

    /** Adds members picked by hand (those already in are left as they are); 422 for an unknown member. */
    @Transactional
    public PointCampaignViews.PointCampaignView addMembers(UUID id, List<UUID> memberIds, String caller) {
        PointCampaign campaign = lock(id);
        require(campaign, PointCampaignStatus.Move.EDIT);
        add(campaign, memberIds, CampaignMember.CampaignChosenBy.HAND);
        changed(campaign);
        return view(id, caller);
    }

    /** Takes a member out of a draft or rejected campaign. */
    @Transactional
    public PointCampaignViews.PointCampaignView removeMember(UUID id, UUID memberId, String caller) {
        PointCampaign campaign = lock(id);
        require(campaign, PointCampaignStatus.Move.EDIT);
        CampaignMember row = campaignMembers.findByCampaignIdAndMemberId(id, memberId)
                .orElseThrow(() -> new ApiException.NotFound("point-campaign-member", memberId));
        campaignMembers.delete(row);
        changed(campaign);
        return view(id, caller);
    }

    /**
     * Adds the members an uploaded list names, matched as the DMS import matches customers (phone, then plate,
     * {@link MemberSelection#match}); the lines that match nobody are answered with their reasons, the rest added (in
     * the caller's transaction).
     */
    @Transactional
    public PointCampaignViews.CampaignFileResult addFromFile(UUID id, List<MemberFile.Line> lines, String caller,
            java.util.function.Function<ApiException, String> reasonText) {
        PointCampaign campaign = lock(id);
        require(campaign, PointCampaignStatus.Move.EDIT);
        MemberSelection.Matched matched = selection.match(lines, reasonText);
        int added = 0;
        int alreadyIn = 0;
        long present = campaignMembers.countByCampaignId(id);
        for (UUID found : matched.memberIds()) {
            if (campaignMembers.existsByCampaignIdAndMemberId(id, found)) {
                alreadyIn++;
                continue;
            }
            if (present + added >= MAX_MEMBERS) {
                throw new ApiException.Unprocessable("point-campaign-too-many-members", MAX_MEMBERS);
            }
            campaignMembers.saveAndFlush(new CampaignMember(id, found, CampaignMember.CampaignChosenBy.FILE,
                    clock.instant()));
            added++;
        }
        if (added > 0) {
            changed(campaign);
        }
        List<PointCampaignViews.CampaignUnmatchedLine> unmatched = matched.unmatched().stream()
                .map(u -> new PointCampaignViews.CampaignUnmatchedLine(u.rowNo(), u.value(), u.type(), u.reason()))
                .toList();
        return new PointCampaignViews.CampaignFileResult(lines.size(), added, alreadyIn, unmatched, view(id, caller));
    }

    /**
     * Adds the members a segment matches now (a snapshot: members who join or leave the segment later do not follow),
     * chosen by SEGMENT with the segment recorded; those already in the campaign are left as they are. 422
     * point-campaign-too-many-members when the campaign would hold more than {@value #MAX_MEMBERS}.
     */
    @Transactional
    public PointCampaignViews.CampaignSegmentResult addFromSegment(UUID id, UUID segmentId, String caller) {
        PointCampaign campaign = lock(id);
        require(campaign, PointCampaignStatus.Move.EDIT);
        Segments.SegmentMembers chosen = segments.memberIds(segmentId, MAX_MEMBERS + 1);
        long present = campaignMembers.countByCampaignId(id);
        int added = 0;
        int alreadyIn = 0;
        Instant now = clock.instant();
        for (UUID member : chosen.memberIds()) {
            if (campaignMembers.existsByCampaignIdAndMemberId(id, member)) {
                alreadyIn++;
                continue;
            }
            if (present + added >= MAX_MEMBERS) {
                throw new ApiException.Unprocessable("point-campaign-too-many-members", MAX_MEMBERS);
            }
            campaignMembers.save(new CampaignMember(id, member, segmentId, now));
            added++;
        }
        campaignMembers.flush();
        if (added > 0) {
            changed(campaign);
        }
        return new PointCampaignViews.CampaignSegmentResult(chosen.segmentId(), chosen.name(),
                chosen.memberIds().size(), added, alreadyIn, view(id, caller));
    }

    // --- review

    /** Sends a draft (or a rejected campaign) for review; it needs at least one member. */
    @Transactional
    public PointCampaignViews.PointCampaignView submit(UUID id, @Nullable Long expectedVersion, String caller) {
        PointCampaign campaign = lock(id);
        Versions.expect(PointCampaign.class, id, campaign.version(), expectedVersion);
        require(campaign, PointCampaignStatus.Move.SUBMIT);
        if (campaignMembers.countByCampaignId(id) == 0) {
            throw new ApiException.Unprocessable("point-campaign-no-members", campaign.name());
        }
        campaign.submit(clock.instant());
        campaigns.saveAndFlush(campaign);
        publish(campaign, PointCampaignEvents.Type.PointCampaignSubmitted);
        return view(id, caller);
    }

    /**
     * A manager approves a submitted campaign (409 point-campaign-illegal-move when it is not submitted, e.g. approved
     * before; 409 point-campaign-own-review for its author); the grant job is asked to run after the commit.
     */
    @Transactional
    public PointCampaignViews.PointCampaignView approve(UUID id, @Nullable Long expectedVersion, @Nullable String note,
            String reviewer, String caller) {
        PointCampaign campaign = review(id, expectedVersion, PointCampaignStatus.Move.APPROVE, caller);
        campaign.review(true, reviewer, note, clock.instant());
        campaigns.saveAndFlush(campaign);
        publish(campaign, PointCampaignEvents.Type.PointCampaignApproved);
        Instant now = clock.instant();
        work.mark(PointCampaignGrantJob.JOB, now);
        String store = TenantContext.require().storeCode();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                jobs.runSoon(PointCampaignGrantJob.JOB, store);
            }
        });
        return view(id, caller);
    }

    /** A manager sends a submitted campaign back with a note (required); the author may edit and submit again. */
    @Transactional
    public PointCampaignViews.PointCampaignView reject(UUID id, @Nullable Long expectedVersion, @Nullable String note,
            String reviewer, String caller) {
        PointCampaign campaign = review(id, expectedVersion, PointCampaignStatus.Move.REJECT, caller);
        if (note == null || note.isBlank()) {
            throw new ApiException.Unprocessable("point-campaign-note-required").field("note");
        }
        campaign.review(false, reviewer, note, clock.instant());
        campaigns.saveAndFlush(campaign);
        publish(campaign, PointCampaignEvents.Type.PointCampaignRejected);
        return view(id, caller);
    }

    private PointCampaign review(UUID id, @Nullable Long expectedVersion, PointCampaignStatus.Move move,
            String caller) {
        PointCampaign campaign = lock(id);
        require(campaign, move);
        Versions.expect(PointCampaign.class, id, campaign.version(), expectedVersion);
        if (campaign.createdBySubject().equals(caller)) {
            throw new ApiException.Conflict("point-campaign-own-review", campaign.name());
        }
        return campaign;
    }

    // --- granting (the job's)

    /** Grants every approved or unfinished campaign of the current store, oldest approval first; members done. */
    int grantPending() {
        List<UUID> pending = Objects.requireNonNull(tx.execute(status -> campaigns
                .findByStatusInOrderByReviewedAtAscIdAsc(List.of(PointCampaignStatus.APPROVED,
                        PointCampaignStatus.GRANTING)).stream().map(PointCampaign::id).toList()));
        int done = 0;
        for (UUID id : pending) {
            done += grant(id);
        }
        return done;
    }

    /**
     * Grants the campaign's members not done yet, each in a transaction of its own (ledger entry and the member's
     * outcome together), then marks it done; a campaign neither approved nor granting is left alone. Members done.
     */
    int grant(UUID id) {
        Boolean go = tx.execute(status -> {
            PointCampaign campaign = lock(id);
            if (campaign.status() == PointCampaignStatus.APPROVED) {
                campaign.start(clock.instant());
                campaigns.saveAndFlush(campaign);
                publish(campaign, PointCampaignEvents.Type.PointCampaignGrantStarted);
            }
            return campaign.status() == PointCampaignStatus.GRANTING;
        });
        if (!Boolean.TRUE.equals(go)) {
            return 0;
        }
        int done = rows.run("grant of campaign " + id, () -> campaignMembers
                .findByCampaignIdAndOutcomeIsNullOrderByIdAsc(id, Limit.of(RowByRow.BATCH)).stream()
                .map(CampaignMember::id).toList(), this::grantOne);
        tx.executeWithoutResult(status -> {
            PointCampaign campaign = lock(id);
            if (campaign.status() == PointCampaignStatus.GRANTING) {
                campaign.finish(clock.instant());
                campaigns.saveAndFlush(campaign);
                publish(campaign, PointCampaignEvents.Type.PointCampaignGranted);
            }
        });
        return done;
    }

    private void grantOne(UUID rowId) {
        CampaignMember row = campaignMembers.lock(rowId).orElse(null);
        if (row == null || row.outcome() != null) {
            return;
        }
        PointCampaign campaign = campaigns.findById(row.campaignId()).orElseThrow();
        Instant now = clock.instant();
        if (members.contact(row.memberId()).isEmpty()) {
            row.skipped(CampaignMember.CampaignSkipReason.MEMBER_GONE, now);
        } else {
            Points.Granted granted = points.grant(row.memberId(), new Points.Source(SourceType.POINT_CAMPAIGN,
                    campaign.id(), campaign.name()), campaign.pointsPerMember(), key(campaign.id(), row.memberId()),
                    Objects.requireNonNullElse(campaign.reviewedBy(), "system"));
            row.granted(granted.posted().entryId(), now);
        }
        campaignMembers.saveAndFlush(row);
    }

    /** The ledger key of a campaign's grant to a member: at most one grant per campaign and member, ever. */
    static String key(UUID campaign, UUID member) {
        return "campaign:" + campaign + ":" + member;
    }

    // --- helpers

    private void add(PointCampaign campaign, List<UUID> memberIds, CampaignMember.CampaignChosenBy chosenBy) {
        long present = campaignMembers.countByCampaignId(campaign.id());
        for (UUID member : new java.util.LinkedHashSet<>(memberIds)) {
            if (members.contact(member).isEmpty()) {
                throw new ApiException.Unprocessable("point-campaign-member-unknown", member).field("memberIds");
            }
            if (campaignMembers.existsByCampaignIdAndMemberId(campaign.id(), member)) {
                continue;
            }
            if (++present > MAX_MEMBERS) {
                throw new ApiException.Unprocessable("point-campaign-too-many-members", MAX_MEMBERS);
            }
            campaignMembers.saveAndFlush(new CampaignMember(campaign.id(), member, chosenBy, clock.instant()));
        }
    }

    private void changed(PointCampaign campaign) {
        campaign.membersChanged(clock.instant());
        campaigns.saveAndFlush(campaign);
        publish(campaign, PointCampaignEvents.Type.PointCampaignMembersChanged);
    }

    private void require(PointCampaign campaign, PointCampaignStatus.Move move) {
        if (!campaign.status().allows(move)) {
            throw new ApiException.Conflict("point-campaign-illegal-move", campaign.name(),
                    Problems.message("problem.point-campaign-status." + campaign.status()),
                    Problems.message("problem.point-campaign-illegal-move.move." + move));
        }
    }

    private PointCampaign find(UUID id) {
        return campaigns.findById(id).orElseThrow(() -> new ApiException.NotFound("point-campaign", id));
    }

    private PointCampaign lock(UUID id) {
        return campaigns.lock(id).orElseThrow(() -> new ApiException.NotFound("point-campaign", id));
    }

    private void publish(PointCampaign campaign, PointCampaignEvents.Type type) {
        String store = TenantContext.require().storeCode();
        PointCampaignViews.PointCampaignView now = list.one(campaign.id(), "");
        events.publish(PointCampaignEvents.TOPIC, type.name(), new PointCampaignEvents.PointCampaignChanged(
                campaign.id(), store, group(store), campaign.version(), campaign.name(), campaign.status(),
                campaign.pointsPerMember(), now.members(), now.granted(), now.skipped()));
    }

    private @Nullable String group(String store) {
        return tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null);
    }

    private PointCampaignViews.PointCampaignView view(UUID id, String caller) {
        return withPoints(list.one(id, caller), points.totalsBySource(List.of(id)).get(id));
    }

    private static PointCampaignViews.PointCampaignView withPoints(PointCampaignViews.PointCampaignView v,
            Points.@Nullable SourceTotal total) {
        if (total == null) {
            return v;
        }
        return new PointCampaignViews.PointCampaignView(v.id(), v.name(), v.reason(), v.pointsPerMember(), v.status(),
                v.createdBy(), v.createdAt(), v.submittedAt(), v.reviewedBy(), v.reviewedAt(), v.reviewNote(),
                v.grantStartedAt(), v.grantFinishedAt(), v.members(), v.membersDone(), v.granted(), total.points(),
                v.skipped(), v.skippedGone(), v.ownCampaign(), v.moves(), v.version());
    }
}
