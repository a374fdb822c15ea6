package com.m4s.admin.audit;

import com.m4s.platform.audit.AuditEntry;
import com.m4s.platform.audit.AuditQuery;
import com.m4s.platform.audit.AuditTrail;
import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "audit", description = "Who changed what, when and from where (PERM-2); read-only")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/admin/audit")
    @Allow(Permission.PLATFORM_AUDIT_VIEW)
    @Operation(summary = "Audit entries, newest first, filtered by entity, actor, action and time")
    PageResult<AuditEntry> list(@Valid @ParameterObject AuditQuery query) {
        return query.run(trail);
    }
}
