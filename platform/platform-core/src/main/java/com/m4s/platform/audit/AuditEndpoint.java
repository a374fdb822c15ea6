package com.m4s.platform.audit;

import com.m4s.platform.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET <base>/audit}: the audit trail of the schema the request runs in, newest first, filtered. A service
 * exposes it with a {@code @RestController} subclass that names the base path ({@code @RequestMapping}), who may read
 * it ({@code @Allow} on the class) and its API tag.
 */
public abstract class AuditEndpoint {

    private final AuditTrail trail;

    protected AuditEndpoint(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/audit")
    @Operation(summary = "Audit entries, newest first, filtered by entity, actor, action and time")
    public PageResult<AuditEntry> list(@RequestParam(required = false) @Size(max = 64) @Nullable String entityType,
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
