package com.m4s.store.member;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import com.m4s.store.export.ExcelExports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/stores/{store}/members")
@Tag(name = "members", description = "Members of a store and their vehicles (MEM-2)")
class MemberController {

    private final MemberService members;
    private final ExcelExports exports;

    MemberController(MemberService members, ExcelExports exports) {
        this.members = members;
        this.exports = exports;
    }

    @Allow(Permission.MEMBER_VIEW)
    @GetMapping
    @Operation(summary = "List members, newest first; q searches name, phone and plate")
    PageResult<MemberViews.MemberSummary> list(@PathVariable String store,
            @RequestParam(required = false) @Size(max = 64) @Nullable String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        return members.list(q, SqlPage.of(page, size, sort, MemberList.SORTABLE, MemberList.TIE_BREAKER));
    }

    @Allow(Permission.MEMBER_EXPORT)
    @GetMapping(value = "/export", produces = ExcelExports.XLSX)
    @Operation(summary = "The member list as an Excel file: every member the list's q matches, in its sort, without"
            + " paging; headers in the caller's language, times in the store's zone")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 会员_<date>.xlsx (Members_<date>.xlsx)",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void export(@PathVariable String store,
            @RequestParam(required = false) @Size(max = 64) @Nullable String q,
            @RequestParam(defaultValue = "createdAt,desc") String sort,
            HttpServletResponse response) throws IOException {
        SqlPage order = SqlPage.everyRow(sort, MemberList.SORTABLE, MemberList.TIE_BREAKER);
        exports.write(response, MemberList.EXPORT, sink -> members.export(q, order, sink));
    }

    @Allow(Permission.MEMBER_EDIT)
    @PostMapping
    @Operation(summary = "Create a member, with vehicles")
    ResponseEntity<MemberViews.MemberView> create(@PathVariable String store,
            @Valid @RequestBody NewMember request) {
        MemberViews.MemberView created = members.create(request);
        return ResponseEntity.created(URI.create("/api/stores/" + store + "/members/" + created.id())).body(created);
    }

    @Allow(Permission.MEMBER_VIEW)
    @GetMapping("/{memberId}")
    @Operation(summary = "A member with vehicles")
    MemberViews.MemberView get(@PathVariable String store, @PathVariable UUID memberId) {
        return members.get(memberId);
    }

    @Allow(Permission.MEMBER_EDIT)
    @PutMapping("/{memberId}")
    @Operation(summary = "Replace a member's profile", description = "Send If-Match with the member's version as"
            + " read (\"3\"): if someone changed the member since, nothing is written and the answer is 409"
            + " concurrent-update. Without If-Match the profile replaces whatever is current.")
    MemberViews.MemberView update(@PathVariable String store, @PathVariable UUID memberId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody MemberProfile profile) {
        return members.update(memberId, Versions.ifMatch(ifMatch), profile);
    }

    @Allow(Permission.MEMBER_EDIT)
    @DeleteMapping("/{memberId}")
    @Operation(summary = "Delete a member and their vehicles")
    ResponseEntity<Void> delete(@PathVariable String store, @PathVariable UUID memberId) {
        members.delete(memberId);
        return ResponseEntity.noContent().build();
    }

    @Allow(Permission.MEMBER_EDIT)
    @PostMapping("/{memberId}/vehicles")
    @Operation(summary = "Add a vehicle to a member")
    ResponseEntity<MemberViews.VehicleView> addVehicle(@PathVariable String store, @PathVariable UUID memberId,
            @Valid @RequestBody VehicleDetails vehicle) {
        MemberViews.VehicleView created = members.addVehicle(memberId, vehicle);
        return ResponseEntity.created(URI.create(
                "/api/stores/" + store + "/members/" + memberId + "/vehicles/" + created.id())).body(created);
    }

    @Allow(Permission.MEMBER_EDIT)
    @PutMapping("/{memberId}/vehicles/{vehicleId}")
    @Operation(summary = "Replace a vehicle's details", description = "Send If-Match with the vehicle's version as"
            + " read (\"2\"): if someone changed the vehicle since, nothing is written and the answer is 409"
            + " concurrent-update. Without If-Match the details replace whatever is current.")
    MemberViews.VehicleView updateVehicle(@PathVariable String store, @PathVariable UUID memberId,
            @PathVariable UUID vehicleId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody VehicleDetails vehicle) {
        return members.updateVehicle(memberId, vehicleId, Versions.ifMatch(ifMatch), vehicle);
    }

    @Allow(Permission.MEMBER_EDIT)
    @DeleteMapping("/{memberId}/vehicles/{vehicleId}")
    @Operation(summary = "Remove a vehicle from a member")
    ResponseEntity<Void> removeVehicle(@PathVariable String store, @PathVariable UUID memberId,
            @PathVariable UUID vehicleId) {
        members.removeVehicle(memberId, vehicleId);
        return ResponseEntity.noContent().build();
    }
}
