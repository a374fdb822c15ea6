package com.m4s.store.tenant;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-to-service API used by tenant-admin. Not routed by the gateway (it serves only {@code /api/**}).
 */
@RestController
@RequestMapping("/internal/stores")
@Allow(Permission.STORE_SCHEMA_PROVISION)
@Tag(name = "provisioning", description = "Internal: tenant-admin brings stores into service here")
class ProvisioningController {

    private final StoreProvisioning provisioning;
    private final StartupMigration migration;

    ProvisioningController(StoreProvisioning provisioning, StartupMigration migration) {
        this.provisioning = provisioning;
        this.migration = migration;
    }

    record StatusChange(@NotNull TenantRegistry.Status status) {
    }

    /**
     * @param groupCode the dealer group owning the store
     * @param timeZone  where the store is (a region id such as {@code Asia/Shanghai}); when absent a new store gets
     *                  Asia/Shanghai and a known one keeps its zone
     * @param name      what people call the store; when absent the store keeps the name, address and phone it was
     *                  told before (none for a new one); when given, address and phone are as given (null: none)
     */
    record Provision(@NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{2,29}") String groupCode,
            @Nullable @Size(max = 64) String timeZone, @Nullable @Size(max = 100) String name,
            @Nullable @Size(max = 200) String address, @Nullable @Size(max = 20) String phone) {

        TenantDirectory.@Nullable Details details() {
            return name == null || name.isBlank() ? null : new TenantDirectory.Details(name.strip(), address, phone);
        }
    }

    /** What people read about the store, as tenant-admin has it (null address or phone: none). */
    record Describe(@NotBlank @Size(max = 100) String name, @Nullable @Size(max = 200) String address,
            @Nullable @Size(max = 20) String phone) {
    }

    @PutMapping("/{storeCode}")
    @Operation(summary = "Provision a store (idempotent): role, schema and migrations, with its name, address, phone")
    TenantDirectory.Row provision(@PathVariable String storeCode, @Valid @RequestBody Provision request) {
        return provisioning.provision(storeCode, request.groupCode(), request.timeZone(), request.details());
    }

    @PutMapping("/{storeCode}/details")
    @Operation(summary = "Record a provisioned store's name, address and phone (idempotent)")
    TenantDirectory.Row describe(@PathVariable String storeCode, @Valid @RequestBody Describe request) {
        return provisioning.describe(storeCode, new TenantDirectory.Details(request.name().strip(), request.address(),
                request.phone()));
    }

    @PutMapping("/{storeCode}/status")
    @Operation(summary = "Suspend, reactivate or make read-only a provisioned store")
    TenantDirectory.Row status(@PathVariable String storeCode, @Valid @RequestBody StatusChange change) {
        return provisioning.changeStatus(storeCode, change.status());
    }

    @GetMapping
    @Operation(summary = "Stores known to this service")
    List<TenantDirectory.Row> list() {
        return provisioning.list();
    }

    @GetMapping("/migration")
    @Operation(summary = "This instance's start-up migration: stores up to date, still migrating, failed")
    StartupMigration.Progress migration() {
        return migration.progress().orElseThrow(NotChecked::new);
    }

    /** Only before the web server takes requests, so practically never. */
    static class NotChecked extends ApiException {
        NotChecked() {
            super(HttpStatus.SERVICE_UNAVAILABLE, "migration-not-checked");
        }
    }
}
