package com.m4s.store.campaign;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.ProblemMessages;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import com.m4s.store.export.ExcelExports;
import com.m4s.store.selection.MemberFile;
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
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Manual point campaigns (PTS-3): drafting with members, review by a manager other than the author, the grant. */
@RestController
@Validated
@RequestMapping("/api/stores/{store}/point-campaigns")
@Tag(name = "point-campaigns", description = "Manual point campaigns: draft (members by hand or from a file),"
        + " submit, review by another manager, grant once per member by the store's job (PTS-3)")
class PointCampaignController {

    private final PointCampaigns campaigns;
    private final ExcelExports exports;
    private final ProblemMessages messages;

    PointCampaignController(PointCampaigns campaigns, ExcelExports exports, ProblemMessages messages) {
        this.campaigns = campaigns;
        this.exports = exports;
        this.messages = messages;
    }

    @Allow(Permission.POINT_CAMPAIGN_VIEW)
    @GetMapping
    @Operation(summary = "The store's campaigns, newest first; status filters (e.g. SUBMITTED for the review queue),"
            + " q matches name, reason or author; each with its members and the grant's counts")
    PageResult<PointCampaignViews.PointCampaignView> list(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<PointCampaignStatus> status,
            @RequestParam(required = false) @Size(max = 64) @Nullable String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        return campaigns.list(status, q, SqlPage.of(page, size, sort, PointCampaignList.SORTABLE,
                PointCampaignList.TIE_BREAKER), subject());
    }

    @Allow(Permission.POINT_CAMPAIGN_VIEW)
    @GetMapping(value = "/export", produces = ExcelExports.XLSX)
    @Operation(summary = "The list of campaigns as an Excel file: every campaign the list's status and q match, in"
            + " its sort, without paging; headers and statuses in the caller's language, times in the store's zone")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 积分活动_<date>.xlsx",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void export(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<PointCampaignStatus> status,
            @RequestParam(required = false) @Size(max = 64) @Nullable String q,
            @RequestParam(defaultValue = "createdAt,desc") String sort,
            HttpServletResponse response) throws IOException {
        SqlPage order = SqlPage.everyRow(sort, PointCampaignList.SORTABLE, PointCampaignList.TIE_BREAKER);
        String caller = subject();
        exports.write(response, PointCampaignList.EXPORT, sink -> campaigns.export(status, q, order, caller, sink));
    }

    @Allow(Permission.POINT_CAMPAIGN_VIEW)
    @GetMapping("/{campaignId}")
    @Operation(summary = "One campaign with its grant's progress (members done of all, granted, skipped and why)"
            + " and the moves allowed now")
    PointCampaignViews.PointCampaignView get(@PathVariable String store, @PathVariable UUID campaignId) {
        return campaigns.get(campaignId, subject());
    }

    @Allow(Permission.POINT_CAMPAIGN_VIEW)
    @GetMapping("/{campaignId}/members")
    @Operation(summary = "A campaign's members with how each was chosen and what the grant did")
    PageResult<PointCampaignViews.PointCampaignMemberView> members(@PathVariable String store,
            @PathVariable UUID campaignId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "addedAt,asc") String sort) {
        return campaigns.members(campaignId, SqlPage.of(page, size, sort, PointCampaignList.MEMBER_SORTABLE,
                PointCampaignList.MEMBER_TIE_BREAKER));
    }

    @Allow(Permission.POINT_CAMPAIGN_MANAGE)
    @PostMapping
    @Operation(summary = "Draft a campaign, with members picked by hand if given")
    ResponseEntity<PointCampaignViews.PointCampaignView> create(@PathVariable String store,
            @Valid @RequestBody PointCampaignRequests.PointCampaignChange change) {
        PointCampaignViews.PointCampaignView created = campaigns.create(change, Caller.currentUsername(), subject());
        return ResponseEntity.created(URI.create("/api/stores/" + store + "/point-campaigns/" + created.id()))
                .body(created);
    }

    @Allow(Permission.POINT_CAMPAIGN_MANAGE)
    @PutMapping("/{campaignId}")
    @Operation(summary = "Change a draft or a rejected campaign (it becomes a draft); members given are added; send"
            + " If-Match with the version read")
    PointCampaignViews.PointCampaignView edit(@PathVariable String store, @PathVariable UUID campaignId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody PointCampaignRequests.PointCampaignChange change) {
        return campaigns.edit(campaignId, change, Versions.ifMatch(ifMatch), subject());
    }

    @Allow(Permission.POINT_CAMPAIGN_MANAGE)
    @PostMapping("/{campaignId}/members")
    @Operation(summary = "Add members picked by hand (those already in are left as they are)")
    PointCampaignViews.PointCampaignView addMembers(@PathVariable String store, @PathVariable UUID campaignId,
            @Valid @RequestBody PointCampaignRequests.CampaignMembersAdded added) {
        return campaigns.addMembers(campaignId, added.memberIds(), subject());
    }

    @Allow(Permission.POINT_CAMPAIGN_MANAGE)
    @DeleteMapping("/{campaignId}/members/{memberId}")
    @Operation(summary = "Take a member out of a draft or rejected campaign")
    PointCampaignViews.PointCampaignView removeMember(@PathVariable String store, @PathVariable UUID campaignId,
            @PathVariable UUID memberId) {
        return campaigns.removeMember(campaignId, memberId, subject());
    }

    @Allow(Permission.POINT_CAMPAIGN_MANAGE)
    @PostMapping("/{campaignId}/members/segment")
    @Operation(summary = "Add the members a saved segment matches now (chosen by SEGMENT; a snapshot: later changes"
            + " of the segment do not follow); those already in are left as they are")
    PointCampaignViews.CampaignSegmentResult addFromSegment(@PathVariable String store, @PathVariable UUID campaignId,
            @Valid @RequestBody PointCampaignRequests.CampaignSegmentAdded added) {
        return campaigns.addFromSegment(campaignId, added.segmentId(), subject());
    }

    // no `consumes`: a request of the wrong type reaches the permission check first (403 before 415)
    @Allow(Permission.POINT_CAMPAIGN_MANAGE)
    @PostMapping("/{campaignId}/members/file")
    @Operation(summary = "Add the members an uploaded .csv or .xlsx names by 手机号 and/or 车牌号 (phone first, then"
            + " plate, as the DMS import matches customers); lines that match nobody come back with their reasons",
            description = "422 member-file-type, member-file-unreadable, member-file-columns, member-file-empty,"
            + " member-file-too-long: nothing added.")
    PointCampaignViews.CampaignFileResult addFromFile(@PathVariable String store, @PathVariable UUID campaignId,
            @RequestPart("file") MultipartFile file) throws IOException {
        String name = file.getOriginalFilename() == null ? "members" : file.getOriginalFilename();
        List<MemberFile.Line> lines = MemberFile.read(name, file.getBytes(), PointCampaigns.MAX_MEMBERS);
        Locale locale = LocaleContextHolder.getLocale();
        return campaigns.addFromFile(campaignId, lines, subject(), e -> messages.text(e.detail(), locale));
    }

    @Allow(Permission.POINT_CAMPAIGN_MANAGE)
    @PostMapping("/{campaignId}/submit")
    @Operation(summary = "Send a draft or rejected campaign for review (it needs members); send If-Match with the"
            + " version read")
    PointCampaignViews.PointCampaignView submit(@PathVariable String store, @PathVariable UUID campaignId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return campaigns.submit(campaignId, Versions.ifMatch(ifMatch), subject());
    }

    @Allow(Permission.POINT_CAMPAIGN_REVIEW)
    @PostMapping("/{campaignId}/approve")
    @Operation(summary = "Approve a submitted campaign: its grant runs in the background, once per member. 409"
            + " point-campaign-own-review for its author, point-campaign-illegal-move when it is not submitted"
            + " (approved before); send If-Match with the version reviewed")
    PointCampaignViews.PointCampaignView approve(@PathVariable String store, @PathVariable UUID campaignId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody(required = false) PointCampaignRequests.@Nullable CampaignReview review) {
        return campaigns.approve(campaignId, Versions.ifMatch(ifMatch), review == null ? null : review.note(),
                Caller.currentUsername(), subject());
    }

    @Allow(Permission.POINT_CAMPAIGN_REVIEW)
    @PostMapping("/{campaignId}/reject")
    @Operation(summary = "Send a submitted campaign back to its author with a note (required); 409"
            + " point-campaign-own-review for its author; send If-Match with the version reviewed")
    PointCampaignViews.PointCampaignView reject(@PathVariable String store, @PathVariable UUID campaignId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody PointCampaignRequests.CampaignReview review) {
        return campaigns.reject(campaignId, Versions.ifMatch(ifMatch), review.note(), Caller.currentUsername(), subject());
    }

    private static String subject() {
        return Caller.current().map(Caller::subject).orElse("");
    }
}
