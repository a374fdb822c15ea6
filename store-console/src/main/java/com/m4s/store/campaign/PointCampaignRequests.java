package com.m4s.store.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the point campaign endpoints take. */
public final class PointCampaignRequests {

    /** A campaign as the editor sends it; {@code memberIds} (on creation only) are members picked by hand. */
    public record PointCampaignChange(@NotBlank @Size(max = 60) String name, @NotBlank @Size(max = 500) String reason,
            @NotNull @Min(1) @Max(1_000_000) Long pointsPerMember,
            @Size(max = PointCampaigns.MAX_MEMBERS) @Nullable List<UUID> memberIds) {
    }

    /** Members picked by hand, added to the campaign (those already in it are left as they are). */
    public record CampaignMembersAdded(@NotNull @Size(min = 1, max = PointCampaigns.MAX_MEMBERS) List<UUID> memberIds) {
    }

    /** A segment whose current members are added to the campaign (a snapshot: later changes do not follow). */
    public record CampaignSegmentAdded(@NotNull UUID segmentId) {
    }

    /** A review's note: required to reject (the author reads why), optional to approve. */
    public record CampaignReview(@Size(max = 500) @Nullable String note) {
    }

    private PointCampaignRequests() {
    }
}
