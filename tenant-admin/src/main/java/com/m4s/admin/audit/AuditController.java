package com.m4s.admin.audit;

import com.m4s.platform.audit.AuditEndpoint;
import com.m4s.platform.audit.AuditTrail;
import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail of schema admin (groups and stores), for platform operators. */
@RestController
@RequestMapping("/api/admin")
@Allow(Permission.PLATFORM_AUDIT_VIEW)
@Tag(name = "audit", description = "Who changed what, when and from where (PERM-2); read-only")
class AuditController extends AuditEndpoint {

    AuditController(AuditTrail trail) {
        super(trail);
    }
}
