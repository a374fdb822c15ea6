package com.m4s.store.repairorder.dmsimport;

import com.m4s.platform.jobs.StoreJob;
import com.m4s.platform.tenancy.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The per-store job {@value #JOB} (decision 0016): works on the store's queued file imports. An upload marks the
 * store's work and asks for a run right after its commit; every active store is also visited once at start-up, so
 * an import a restart cut short resumes (its mark stays until a run succeeds; the store is due again a minute after
 * its last run).
 */
@Component
class DmsImportJob implements StoreJob {

    static final String JOB = "repair-order-import";

    private final DmsImports imports;
    private volatile boolean swept;

    DmsImportJob(DmsImports imports) {
        this.imports = imports;
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
        if (!swept) {
            swept = true;
            return null;
        }
        return Set.of();
    }

    @Override
    public void run(Tenant store) {
        imports.runPending();
    }
}
