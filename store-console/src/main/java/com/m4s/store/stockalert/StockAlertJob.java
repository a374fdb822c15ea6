package com.m4s.store.stockalert;

import com.m4s.platform.jobs.FullSweeps;
import com.m4s.platform.jobs.MarkedStoreJob;
import com.m4s.platform.tenancy.Tenant;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The per-store job {@value #JOB} (decision 0053) on the store's clock: raises an alert for each item newly low or
 * slow-moving, telling the staff who keep it, and clears the alerts whose condition ended ({@link StockAlerts#check}).
 * Every store is visited at start-up and every hour, and soon after its slow-moving rule changes. Running twice
 * raises nothing more.
 */
@Component
class StockAlertJob extends MarkedStoreJob {

    static final String JOB = "stock-alerts";
    private static final Duration EVERY = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(StockAlertJob.class);

    /** Looked up when the job runs: the alerts' messages go through the inbox, whose features the runner feeds. */
    private final ObjectProvider<StockAlerts> alerts;

    StockAlertJob(ObjectProvider<StockAlerts> alerts) {
        super(JOB, EVERY, new FullSweeps(EVERY));
        this.alerts = alerts;
    }

    @Override
    public void run(Tenant store) {
        StockAlerts.Outcome outcome = alerts.getObject().check();
        if (outcome.raised() + outcome.cleared() > 0) {
            log.info("stock alerts of store {}: {} raised, {} cleared", store.storeCode(), outcome.raised(),
                    outcome.cleared());
        }
    }
}
