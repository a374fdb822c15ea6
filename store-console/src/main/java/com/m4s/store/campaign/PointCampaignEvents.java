package com.m4s.store.campaign;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The point campaign's domain events, all on topic {@value #TOPIC}. */
public final class PointCampaignEvents {

    public static final String TOPIC = "m4s.pointcampaign";

    /** Event types, past tense: one per step of a campaign. */
    public enum Type {
        PointCampaignCreated, PointCampaignEdited, PointCampaignMembersChanged, PointCampaignSubmitted,
        PointCampaignApproved, PointCampaignRejected, PointCampaignGrantStarted, PointCampaignGranted
    }

    /**
     * The payload of every step: the campaign after it (ids and counts, no member names); {@code granted} and
     * {@code skipped} are the grant's counts so far.
     */
    public record PointCampaignChanged(UUID campaignId, String store, @Nullable String group, long version,
            String name, PointCampaignStatus status, long pointsPerMember, long members, long granted, long skipped) {
    }

    private PointCampaignEvents() {
    }
}
