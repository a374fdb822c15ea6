package com.m4s.store.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the point campaign endpoints answer. */
public final class PointCampaignViews {

    /**
     * A campaign with its members' count and the grant's progress: members done (granted or skipped) of all, the
     * granted, the points they got, and the skipped (with why: {@code skippedGone}, members deleted since chosen).
     * {@code ownCampaign}: the caller wrote it (and so may not review it).
     */
    public record PointCampaignView(UUID id, String name, String reason, long pointsPerMember, PointCampaignStatus status,
            String createdBy, Instant createdAt, @Nullable Instant submittedAt, @Nullable String reviewedBy,
            @Nullable Instant reviewedAt, @Nullable String reviewNote, @Nullable Instant grantStartedAt,
            @Nullable Instant grantFinishedAt, long members, long membersDone, long granted, long pointsGranted,
            long skipped, long skippedGone, boolean ownCampaign, Set<PointCampaignStatus.Move> moves, long version) {
    }

    /** A member of a campaign: who, how chosen, and what the grant did (null outcome: not yet). */
    public record PointCampaignMemberView(UUID memberId, @Nullable String name, @Nullable String phone, String chosenBy,
            @Nullable String outcome, @Nullable String skipReason) {
    }

    /** A line of an uploaded member list that matched nobody: its row as Excel shows it, its value and why. */
    public record CampaignUnmatchedLine(int rowNo, String value, String problem, String reason) {
    }

    /**
     * The result of an uploaded member list: lines read, members added, lines whose member was already in the
     * campaign (or twice in the file), and the lines that matched nobody with their reasons; and the campaign after.
     */
    public record CampaignFileResult(int lines, int added, int alreadyIn, List<CampaignUnmatchedLine> unmatched,
            PointCampaignView campaign) {
    }

    /**
     * The result of taking a segment's members: the segment, how many members it matched at that moment, how many
     * were added and how many were in the campaign already; and the campaign after.
     */
    public record CampaignSegmentResult(UUID segmentId, String segmentName, int matched, int added, int alreadyIn,
            PointCampaignView campaign) {
    }

    private PointCampaignViews() {
    }
}
