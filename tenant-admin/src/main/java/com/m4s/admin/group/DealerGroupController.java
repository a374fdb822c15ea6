package com.m4s.admin.group;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Paging;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/groups")
@Tag(name = "dealer groups", description = "Dealer groups (SAAS-1)")
class DealerGroupController {

    private static final Map<String, String> SORTABLE = Map.of("code", "code", "name", "name",
            "createdAt", "createdAt");

    private final DealerGroups groups;

    DealerGroupController(DealerGroups groups) {
        this.groups = groups;
    }

    @PostMapping
    @Allow(Permission.GROUP_CREATE)
    @Operation(summary = "Create a dealer group")
    ResponseEntity<DealerGroups.GroupView> create(@Valid @RequestBody DealerGroups.NewGroup request) {
        DealerGroups.GroupView created = groups.create(request);
        return ResponseEntity.created(URI.create("/api/admin/groups/" + created.code())).body(created);
    }

    @GetMapping
    @Allow(Permission.GROUP_VIEW)
    @Operation(summary = "List dealer groups; q searches code and name")
    PageResult<DealerGroups.GroupView> list(@RequestParam(required = false) @Size(max = 100) @Nullable String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "code,asc") String sort) {
        return groups.list(GroupAccess.scope(), q, Paging.of(page, size, sort, SORTABLE, "code"));
    }

    @GetMapping("/{code}")
    @Allow(Permission.GROUP_VIEW)
    @Operation(summary = "A dealer group")
    DealerGroups.GroupView get(@PathVariable String code) {
        GroupAccess.require(code);
        return groups.get(code);
    }

    @PatchMapping("/{code}")
    @Allow(Permission.GROUP_EDIT)
    @Operation(summary = "Rename a dealer group")
    DealerGroups.GroupView rename(@PathVariable String code, @Valid @RequestBody DealerGroups.Rename request) {
        GroupAccess.require(code);
        return groups.rename(code, request);
    }
}
