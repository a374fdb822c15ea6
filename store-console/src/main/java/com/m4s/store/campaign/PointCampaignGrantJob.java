package com.m4s.store.campaign;

import com.m4s.platform.jobs.FullSweeps;
import com.m4s.platform.jobs.MarkedStoreJob;
import com.m4s.platform.tenancy.Tenant;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The per-store job {@value #JOB} (decision 0016): grants the store's approved campaigns, member by member
 * ({@link PointCampaigns#grantPending}). An approval marks the store's work and asks for a run right after its
 * commit; every active store is also visited once at start-up, so a grant a restart cut short resumes with the
 * members not done yet (the mark stays until a run succeeds).
 */
@Component
class PointCampaignGrantJob extends MarkedStoreJob {

    static final String JOB = "point-campaign-grant";

    private final PointCampaigns campaigns;

    PointCampaignGrantJob(PointCampaigns campaigns) {
        super(JOB, Duration.ofMinutes(1), FullSweeps.atStartUpOnly());
        this.campaigns = campaigns;
    }

    @Override
    public void run(Tenant store) {
        campaigns.grantPending();
    }
}
