package com.m4s.store.audit;

import com.m4s.platform.audit.AuditQuery;
import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "audit", description = "Who changed what, when and from where (PERM-2); read-only")
class AuditController {

    private final AuditList list;

    AuditController(AuditList list) {
        this.list = list;
    }

    @GetMapping("/api/stores/{store}/audit")
    @Allow(Permission.AUDIT_VIEW)
    @Operation(summary = "Audit entries, newest first, filtered by entity, actor, action and time, with the actor's"
            + " name and the names of the objects they changed")
    PageResult<AuditRecord> list(@PathVariable String store, @Valid @ParameterObject AuditQuery query) {
        return list.page(query);
    }

    @GetMapping("/api/stores/{store}/audit/actors")
    @Allow(Permission.AUDIT_VIEW)
    @Operation(summary = "Everyone who changed the store's data (at most 200, the most recent first): the options of"
            + " the actor filter")
    List<AuditActor> actors(@PathVariable String store) {
        return list.actors();
    }
}
