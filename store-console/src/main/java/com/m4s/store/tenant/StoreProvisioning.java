package com.m4s.store.tenant;

import com.m4s.platform.migration.StoreSchemas;
import com.m4s.platform.tenancy.TenancyProperties;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.web.ApiException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Brings stores into service: registers the store, creates its role and schema and migrates it, and records the
 * changelog fingerprint it was migrated to. Repeating a call finishes whatever an earlier attempt left undone.
 * Start-up migration of stores already in service is {@link StartupMigration}'s.
 */
@Service
class StoreProvisioning {

    private final TenantDirectory directory;
    private final StoreSchemas schemas;
    private final TenancyProperties tenancy;

    StoreProvisioning(TenantDirectory directory, StoreSchemas schemas, TenancyProperties tenancy) {
        this.directory = directory;
        this.schemas = schemas;
        this.tenancy = tenancy;
    }

    /**
     * The registry row after provisioning; idempotent. Without a time zone a known store keeps its own; without
     * details (name, address, phone) it keeps what it was told before.
     */
    TenantDirectory.Row provision(String storeCode, String groupCode, @Nullable String timeZone,
            TenantDirectory.@Nullable Details details) {
        Tenant tenant = tenant(storeCode);
        directory.register(tenant, groupCode, timeZone == null ? null : zone(timeZone), details);
        try {
            schemas.provision(tenant);
        } catch (StoreSchemas.MigrationFailedException e) {
            throw new ProvisioningFailed(String.valueOf(e.getMessage()));
        }
        directory.recordMigrated(storeCode, schemas.changelogFingerprint());
        directory.provisioned(storeCode);
        directory.markAvailable(storeCode);
        return directory.row(storeCode).orElseThrow();
    }

    TenantDirectory.Row changeStatus(String storeCode, TenantRegistry.Status status) {
        if (status != TenantRegistry.Status.ACTIVE && status != TenantRegistry.Status.READ_ONLY
                && status != TenantRegistry.Status.SUSPENDED) {
            throw new ApiException.Unprocessable("invalid-status").variant("store");
        }
        tenant(storeCode);
        if (!directory.setStatus(storeCode, status)) {
            throw new ApiException.NotFound("provisioned-store", storeCode);
        }
        return directory.row(storeCode).orElseThrow();
    }

    /** Records what people read about a known store: name, address, phone. */
    TenantDirectory.Row describe(String storeCode, TenantDirectory.Details details) {
        tenant(storeCode);
        if (!directory.describe(storeCode, details)) {
            throw new ApiException.NotFound("provisioned-store", storeCode);
        }
        return directory.row(storeCode).orElseThrow();
    }

    List<TenantDirectory.Row> list() {
        return directory.rows();
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new ApiException.Unprocessable("invalid-time-zone", timeZone).field("timeZone");
        }
    }

    private Tenant tenant(String storeCode) {
        if (!Tenant.isValidCode(storeCode)) {
            throw new ApiException.Unprocessable("invalid-store-code");
        }
        return tenancy.tenant(storeCode);
    }

    /** Provisioning did not finish; calling again resumes it. */
    static class ProvisioningFailed extends ApiException {
        ProvisioningFailed(String reason) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "provisioning-failed", reason);
        }
    }
}
