package com.m4s.store.staff;

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
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
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
@RequestMapping("/api/stores/{store}/staff")
@Tag(name = "staff", description = "Staff of a store, their roles and departments (PERM-1)")
class StaffController {

    private static final Map<String, String> SORTABLE = Map.of("username", "username", "displayName", "displayName",
            "createdAt", "createdAt", "status", "status");

    private final Staff staff;

    StaffController(Staff staff) {
        this.staff = staff;
    }

    @GetMapping
    @Allow(Permission.STAFF_VIEW)
    @Operation(summary = "Staff of the store as Keycloak knows them: every login with a staff role in the store,"
            + " with the invitations still waiting for a login; q searches username and name",
            description = "503 identity-unavailable when Keycloak does not list the logins within 3 s.")
    PageResult<Staff.StaffEntry> list(@PathVariable String store,
            @RequestParam(required = false) @Size(max = 64) @Nullable String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "username,asc") String sort) {
        return staff.list(q, Paging.of(page, size, sort, SORTABLE, "id"));
    }

    @PostMapping
    @Allow(Permission.STAFF_MANAGE)
    @Operation(summary = "Invite staff: makes their login with a one-time password, shown only in this answer")
    ResponseEntity<Staff.StaffView> invite(@PathVariable String store,
            @Valid @RequestBody Staff.Invitation invitation) {
        Staff.StaffView created = staff.invite(invitation);
        return ResponseEntity.created(URI.create("/api/stores/" + store + "/staff/" + created.id())).body(created);
    }

    @GetMapping("/{staffId}")
    @Allow(Permission.STAFF_VIEW)
    @Operation(summary = "One staff member")
    Staff.StaffView get(@PathVariable String store, @PathVariable UUID staffId) {
        return staff.get(staffId);
    }

    @PutMapping("/{staffId}")
    @Allow(Permission.STAFF_MANAGE)
    @Operation(summary = "Change role and department", description = "Send If-Match with the staff member's version"
            + " as read (\"2\"): if someone changed them since, nothing is written (here or in Keycloak) and the"
            + " answer is 409 concurrent-update.")
    Staff.StaffView change(@PathVariable String store, @PathVariable UUID staffId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody Staff.Change change) {
        return staff.change(staffId, Versions.ifMatch(ifMatch), change);
    }

    @PostMapping("/{staffId}/disable")
    @Allow(Permission.STAFF_MANAGE)
    @Operation(summary = "Disable the login")
    Staff.StaffView disable(@PathVariable String store, @PathVariable UUID staffId) {
        return staff.setEnabled(staffId, false);
    }

    @PostMapping("/{staffId}/enable")
    @Allow(Permission.STAFF_MANAGE)
    @Operation(summary = "Re-enable the login")
    Staff.StaffView enable(@PathVariable String store, @PathVariable UUID staffId) {
        return staff.setEnabled(staffId, true);
    }

    @PostMapping("/{staffId}/retry")
    @Allow(Permission.STAFF_MANAGE)
    @Operation(summary = "Finish an invitation whose login could not be made")
    Staff.StaffView retry(@PathVariable String store, @PathVariable UUID staffId) {
        return staff.retry(staffId);
    }
}
