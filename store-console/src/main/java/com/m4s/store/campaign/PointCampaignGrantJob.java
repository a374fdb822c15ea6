package com.m4s.store.campaign;

import com.m4s.platform.jobs.FullSweeps;
import com.m4s.platform.jobs.StoreJob;
import com.m4s.platform.tenancy.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The per-store job {@value #JOB} (decision 0016): grants the store's approved campaigns, member by member
 * ({@link PointCampaigns#grantPending}). An approval marks the store's work and asks for a run right after its
 * commit; every active store is also visited once at start-up, so a grant a restart cut short resumes with the
 * members not done yet (the mark stays until a run succeeds).
 */
@Component
class PointCampaignGrantJob implements StoreJob {

    static final String JOB = "point-campaign-grant";

    private final PointCampaigns campaigns;
    private final FullSweeps sweeps = FullSweeps.atStartUpOnly();

    PointCampaignGrantJob(PointCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public String name() {
        return JOB;
    }

    @Override
    public Duration interval() {
        return Duration.ofMinutes(1);
    }

    @Override
    public @Nullable Set<String> storesWithWork(Instant now) {
        return sweeps.storesWithWork(now);
    }

    @Override
    public void run(Tenant store) {
        campaigns.grantPending();
    }
}
