package com.m4s.store.tenant;

import com.m4s.platform.security.Open;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What anyone may read about the stores in service, as a shop front shows it: name, address, phone and time zone.
 * Owners read their store's here (home page, car page, times in the store's zone); people signing up as owners read
 * the store of their link, or pick one.
 */
@RestController
@Tag(name = "stores", description = "Stores in service as customers see them: name, address, phone, time zone")
class StoreCardController {

    /** At most this many stores in one answer of the store list. */
    static final int LIST_LIMIT = 50;

    private final TenantDirectory directory;

    StoreCardController(TenantDirectory directory) {
        this.directory = directory;
    }

    @Open("a store's name, address and phone are what its shop front shows; sign-up reads them before any login")
    @GetMapping("/api/stores/{store}/card")
    @Operation(summary = "The store's name, address, phone and time zone")
    TenantDirectory.StoreCard card(@PathVariable String store) {
        String code = TenantContext.require().storeCode();
        return directory.card(code).orElseThrow(() -> new ApiException.NotFound("provisioned-store", store));
    }

    @Open("people signing up as owners without a store's link pick their store by its name")
    @GetMapping("/api/stores")
    @Operation(summary = "Stores in service by name (at most 50); q searches name and code")
    List<TenantDirectory.StoreCard> list(@RequestParam(required = false) @Size(max = 50) @Nullable String q) {
        return directory.activeCards(q, LIST_LIMIT);
    }
}
