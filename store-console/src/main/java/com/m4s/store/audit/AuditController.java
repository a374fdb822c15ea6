package com.m4s.store.audit;

import com.m4s.platform.audit.AuditEntry;
import com.m4s.platform.audit.AuditTrail;
import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "audit", description = "Who changed what, when and from where (PERM-2); read-only")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/stores/{store}/audit")
    @Allow(Permission.AUDIT_VIEW)
    @Operation(summary = "Audit entries, newest first, filtered by entity, actor, action and time")
    PageResult<AuditEntry> list(@PathVariable String store, @RequestParam(required = false) @Size(max = 64) @Nullable String entityType,
            @RequestParam(required = false) @Size(max = 64) @Nullable String entityId,
            @RequestParam(required = false) @Size(max = 255) @Nullable String actor,
            @RequestParam(required = false) AuditEntry.@Nullable Action action,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return trail.find(new AuditTrail.Filter(entityType, entityId, actor, action, from, to), page, size);
    }
}
