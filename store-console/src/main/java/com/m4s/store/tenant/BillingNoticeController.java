package com.m4s.store.tenant;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The banner of the store console about the group's subscription (decision 0047). */
@RestController
@Tag(name = "stores", description = "Stores in service as customers see them: name, address, phone, time zone")
class BillingNoticeController {

    private final TenantRegistry registry;
    private final DealerGroupDirectory groups;

    BillingNoticeController(TenantRegistry registry, DealerGroupDirectory groups) {
        this.registry = registry;
        this.groups = groups;
    }

    @Allow(Permission.CONSOLE_USE)
    @GetMapping("/api/stores/{store}/billing-notice")
    @Operation(summary = "Whether the group's subscription is past due, ran out of grace or ended (state NONE: all"
            + " is well), and when the store becomes or became read-only")
    DealerGroupDirectory.BillingNotice notice(@PathVariable String store) {
        String code = TenantContext.require().storeCode();
        String groupCode = registry.find(code).map(TenantRegistry.Entry::groupCode).orElse(null);
        if (groupCode == null) {
            return DealerGroupDirectory.BillingNotice.NONE;
        }
        return groups.notice(groupCode).orElse(DealerGroupDirectory.BillingNotice.NONE);
    }
}
