package com.m4s.store.tenant;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-to-service API used by tenant-admin to tell what store-console needs of a dealer group: its Stripe
 * connected account and its billing state (decision 0047). Not routed by the gateway. Both calls are idempotent: they
 * set the value given.
 */
@RestController
@RequestMapping("/internal/groups")
@Allow(Permission.STORE_SCHEMA_PROVISION)
@Tag(name = "provisioning", description = "Internal: tenant-admin brings stores into service here")
class DealerGroupController {

    private static final java.util.regex.Pattern GROUP_CODE = java.util.regex.Pattern.compile("[a-z][a-z0-9_]{2,29}");

    private final DealerGroupDirectory groups;

    DealerGroupController(DealerGroupDirectory groups) {
        this.groups = groups;
    }

    /** @param stripeAccountId the group's connected account ({@code acct_...}), or null: none */
    record PaymentAccount(
            @Nullable @Pattern(regexp = DealerGroupDirectory.ACCOUNT, message = "{validation.stripeAccount}")
            String stripeAccountId) {
    }

    /**
     * @param readOnlyFrom when the group's stores become read-only (PAST_DUE) or became so (READ_ONLY, CANCELED);
     *                     null otherwise
     */
    record Billing(@NotNull DealerGroupDirectory.BillingState state, @Nullable Instant readOnlyFrom) {
    }

    @PutMapping("/{groupCode}/payment-account")
    @Operation(summary = "Record the group's Stripe connected account (null: none)")
    DealerGroupDirectory.Group paymentAccount(@PathVariable String groupCode,
            @Valid @RequestBody PaymentAccount request) {
        return groups.setConnectedAccount(code(groupCode), request.stripeAccountId());
    }

    @PutMapping("/{groupCode}/billing")
    @Operation(summary = "Record the group's billing state, for the banner of its stores' console")
    DealerGroupDirectory.Group billing(@PathVariable String groupCode, @Valid @RequestBody Billing request) {
        return groups.setBilling(code(groupCode), request.state(), request.readOnlyFrom());
    }

    private static String code(String groupCode) {
        if (!GROUP_CODE.matcher(groupCode).matches()) {
            throw new ApiException.Unprocessable("invalid-group-code");
        }
        return groupCode;
    }
}
