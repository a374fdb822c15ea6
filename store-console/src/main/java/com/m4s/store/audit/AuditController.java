package com.m4s.store.audit;

import com.m4s.platform.audit.AuditEndpoint;
import com.m4s.platform.audit.AuditTrail;
import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A store's audit trail, for those who run the store or its group. */
@RestController
@RequestMapping("/api/stores/{store}")
@Allow(Permission.AUDIT_VIEW)
@Tag(name = "audit", description = "Who changed what, when and from where (PERM-2); read-only")
class AuditController extends AuditEndpoint {

    AuditController(AuditTrail trail) {
        super(trail);
    }
}
