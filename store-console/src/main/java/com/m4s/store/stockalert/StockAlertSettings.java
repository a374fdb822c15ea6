package com.m4s.store.stockalert;

import com.m4s.platform.jobs.JobWork;
import com.m4s.platform.jobs.StoreJobRunner;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.web.Versions;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The store's slow-moving rule (decision 0053): whether slow-moving alerts are raised and after how many days without
 * a sale. One row, changed with the version read (If-Match); a change has the job look at the store again soon, so
 * the list follows the new rule.
 */
@Service
public class StockAlertSettings {

    /** The rule as read and changed. */
    public record StockAlertSettingsView(boolean slowMovingEnabled, int slowMovingDays, long version) {
    }

    /** The rule as a manager sends it. */
    public record StockAlertSettingsChange(boolean slowMovingEnabled, @Min(7) @Max(365) int slowMovingDays) {
    }

    private final StockAlertSettingRepository settings;
    private final JobWork work;
    private final StoreJobRunner jobs;
    private final Clock clock;

    StockAlertSettings(StockAlertSettingRepository settings, JobWork work, StoreJobRunner jobs, Clock clock) {
        this.settings = settings;
        this.work = work;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public StockAlertSettingsView view() {
        StockAlertSetting s = setting();
        return new StockAlertSettingsView(s.slowMovingEnabled(), s.slowMovingDays(), s.version());
    }

    /** Replaces the rule; send the version read. */
    @Transactional
    public StockAlertSettingsView change(StockAlertSettingsChange change, @Nullable Long expectedVersion) {
        StockAlertSetting s = setting();
        Versions.expect(StockAlertSetting.class, s.id(), s.version(), expectedVersion);
        if (s.slowMovingEnabled() != change.slowMovingEnabled() || s.slowMovingDays() != change.slowMovingDays()) {
            Instant now = clock.instant();
            s.change(change.slowMovingEnabled(), change.slowMovingDays(), now);
            settings.saveAndFlush(s);
            work.mark(StockAlertJob.JOB, now);
            String store = TenantContext.require().storeCode();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    jobs.runSoon(StockAlertJob.JOB, store);
                }
            });
        }
        return view();
    }

    private StockAlertSetting setting() {
        return settings.findAll().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the store has no stock alert setting"));
    }
}
