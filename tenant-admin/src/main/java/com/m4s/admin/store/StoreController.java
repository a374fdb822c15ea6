package com.m4s.admin.store;

import com.m4s.admin.group.GroupAccess;
import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Paging;
import com.m4s.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin")
@Tag(name = "stores", description = "Stores of dealer groups and their provisioning (SAAS-1, SAAS-2)")
class StoreController {

    private static final Map<String, String> SORTABLE = Map.of("code", "code", "name", "name", "city", "city",
            "status", "status", "createdAt", "createdAt");

    private final Stores stores;

    StoreController(Stores stores) {
        this.stores = stores;
    }

    @PostMapping("/groups/{groupCode}/stores")
    @Allow(Permission.STORE_CREATE)
    @Operation(summary = "Create a store; answers 202 while its tenant is provisioned (poll the store for status)")
    ResponseEntity<Stores.StoreView> create(@PathVariable String groupCode,
            @Valid @RequestBody Stores.NewStore request) {
        GroupAccess.require(groupCode);
        Stores.StoreView created = stores.create(groupCode, request);
        return ResponseEntity.accepted().location(URI.create("/api/admin/stores/" + created.code())).body(created);
    }

    @GetMapping("/groups/{groupCode}/stores")
    @Allow(Permission.STORE_LIST)
    @Operation(summary = "Stores of a dealer group")
    PageResult<Stores.StoreView> ofGroup(@PathVariable String groupCode,
            @RequestParam(required = false) @Nullable StoreStatus status,
            @RequestParam(required = false) @Size(max = 100) @Nullable String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "code,asc") String sort) {
        GroupAccess.require(groupCode);
        return stores.list(groupCode, status, q, Paging.of(page, size, sort, SORTABLE, "code"));
    }

    @GetMapping("/stores")
    @Allow(Permission.STORE_LIST)
    @Operation(summary = "All stores; filter by group and status, q searches code, name, city and brand")
    PageResult<Stores.StoreView> list(@RequestParam(required = false) @Nullable String group,
            @RequestParam(required = false) @Nullable StoreStatus status,
            @RequestParam(required = false) @Size(max = 100) @Nullable String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "code,asc") String sort) {
        String scope = GroupAccess.scope();
        if (group != null && scope != null && !scope.equals(group)) {
            GroupAccess.require(group);
        }
        return stores.list(scope != null ? scope : group, status, q, Paging.of(page, size, sort, SORTABLE, "code"));
    }

    @GetMapping("/stores/{code}")
    @Allow(Permission.STORE_VIEW)
    @Operation(summary = "A store, with its provisioning status")
    Stores.StoreView get(@PathVariable String code) {
        return stores.getVisible(code);
    }

    @PutMapping("/stores/{code}/details")
    @Allow(Permission.STORE_EDIT)
    @Operation(summary = "Change what people read about a store: name, address and phone (If-Match: the version read)")
    Stores.StoreView describe(@PathVariable String code, @Valid @RequestBody Stores.StoreDetails request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        GroupAccess.require(stores.getVisible(code).groupCode());
        return stores.describe(code, request, Versions.ifMatch(ifMatch));
    }

    @PostMapping("/stores/{code}/provisioning")
    @Allow(Permission.STORE_CREATE)
    @Operation(summary = "Retry provisioning of a FAILED store")
    ResponseEntity<Stores.StoreView> retry(@PathVariable String code) {
        GroupAccess.require(stores.getVisible(code).groupCode());
        return ResponseEntity.accepted().body(stores.retryProvisioning(code));
    }

    @PostMapping("/stores/{code}/suspend")
    @Allow(Permission.STORE_SUSPEND)
    @Operation(summary = "Suspend an active store: its data can no longer be used")
    Stores.StoreView suspend(@PathVariable String code) {
        return stores.setActive(code, false);
    }

    @PostMapping("/stores/{code}/reactivate")
    @Allow(Permission.STORE_SUSPEND)
    @Operation(summary = "Reactivate a suspended store")
    Stores.StoreView reactivate(@PathVariable String code) {
        return stores.setActive(code, true);
    }
}
