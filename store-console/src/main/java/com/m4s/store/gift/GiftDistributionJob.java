package com.m4s.store.gift;

import com.m4s.platform.jobs.FullSweeps;
import com.m4s.platform.jobs.MarkedStoreJob;
import com.m4s.platform.tenancy.Tenant;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The per-store job {@value #JOB} (decision 0016, 0049): gives the store's running distributions, member by member
 * ({@link GiftDistributions#giveRunning}). A start marks the store's work and asks for a run right after its commit;
 * every active store is also visited once at start-up, so a distribution a restart cut short resumes with the members
 * not done yet (the mark stays until a run succeeds).
 */
@Component
class GiftDistributionJob extends MarkedStoreJob {

    static final String JOB = "gift-distribution";

    private final GiftDistributions distributions;

    GiftDistributionJob(GiftDistributions distributions) {
        super(JOB, Duration.ofMinutes(1), FullSweeps.atStartUpOnly());
        this.distributions = distributions;
    }

    @Override
    public void run(Tenant store) {
        distributions.giveRunning();
    }
}
