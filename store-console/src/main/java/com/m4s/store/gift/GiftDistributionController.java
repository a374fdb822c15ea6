package com.m4s.store.gift;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.ProblemMessages;
import com.m4s.platform.web.Problems;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import com.m4s.store.export.ExcelColumn;
import com.m4s.store.export.ExcelExports;
import com.m4s.store.export.ExcelTable;
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
import jakarta.validation.constraints.Pattern;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Batch distribution of a gift in the console (GIFT-3, decision 0049): draft, choose members (segment, uploaded list,
 * by hand), start, follow the progress, read and export the report per member.
 */
@RestController
@Validated
@RequestMapping("/api/stores/{store}/gift-distributions")
@Allow(Permission.GIFT_VIEW)
@Tag(name = "gift-distributions", description = "Batch distribution of a gift to chosen members, free, once per"
        + " member, by the store's job, with progress and a report (GIFT-3)")
class GiftDistributionController {

    /** The report as an Excel file: each member and what was done for them. */
    static final ExcelTable<GiftViews.DistributionMemberView> REPORT = ExcelTable.of("giftDistributionMembers",
            ExcelColumn.text("memberName", GiftViews.DistributionMemberView::memberName),
            ExcelColumn.text("memberPhone", GiftViews.DistributionMemberView::memberPhone),
            ExcelColumn.text("chosenBy", m -> Problems.message(
                    "export.giftDistributionMembers.chosenBy." + m.chosenBy())),
            ExcelColumn.text("outcome", m -> Problems.message(
                    "export.giftDistributionMembers.outcome." + (m.outcome() == null ? "PENDING" : m.outcome()))),
            ExcelColumn.text("skipReason", m -> m.skipReason() == null ? null : Problems.message(
                    "export.giftDistributionMembers.skipReason." + m.skipReason())));

    private final GiftDistributions distributions;
    private final ExcelExports exports;
    private final ProblemMessages messages;

    GiftDistributionController(GiftDistributions distributions, ExcelExports exports, ProblemMessages messages) {
        this.distributions = distributions;
        this.exports = exports;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "The store's distributions, newest first, with their progress: statuses, a title or gift"
            + " (part)")
    PageResult<GiftViews.DistributionView> giftDistributions(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<GiftDistributionStatus> status,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        return distributions.list(new GiftList.DistributionFilter(status, search), SqlPage.of(page, size, sort,
                GiftList.DISTRIBUTION_SORTABLE, GiftList.DISTRIBUTION_TIE_BREAKER));
    }

    @Allow(Permission.GIFT_MANAGE)
    @PostMapping
    @Operation(summary = "Draft a distribution of a gift, with members picked by hand and a segment's members if"
            + " given", description = "404 gift, segment; 422 gift-distribution-member-unknown,"
                    + " gift-distribution-too-many-members.")
    ResponseEntity<GiftViews.DistributionView> createGiftDistribution(@PathVariable String store,
            @Valid @RequestBody GiftRequests.DistributionForm form) {
        GiftViews.DistributionView created = distributions.create(form, Caller.currentUsername());
        return ResponseEntity.created(URI.create("/api/stores/" + store + "/gift-distributions/" + created.id()))
                .body(created);
    }

    @GetMapping("/{distributionId}")
    @Operation(summary = "One distribution with its progress (members done of all, given, skipped and why)")
    GiftViews.DistributionView giftDistribution(@PathVariable String store, @PathVariable UUID distributionId) {
        return distributions.view(distributionId);
    }

    @GetMapping("/{distributionId}/members")
    @Operation(summary = "The report: a distribution's members, how each was chosen and what was done for them;"
            + " outcome GIVEN, SKIPPED or PENDING filters")
    PageResult<GiftViews.DistributionMemberView> giftDistributionMembers(@PathVariable String store,
            @PathVariable UUID distributionId,
            @RequestParam(required = false) @Pattern(regexp = "GIVEN|SKIPPED|PENDING") @Nullable String outcome,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "addedAt,asc") String sort) {
        return distributions.members(distributionId, outcome, SqlPage.of(page, size, sort,
                GiftList.DISTRIBUTION_MEMBER_SORTABLE, GiftList.DISTRIBUTION_MEMBER_TIE_BREAKER));
    }

    @GetMapping(value = "/{distributionId}/members/export", produces = ExcelExports.XLSX)
    @Operation(summary = "The report as an Excel file: every member the outcome filter matches, what was done and"
            + " why; texts in the caller's language")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 礼品发放明细_<date>.xlsx",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void exportGiftDistributionMembers(@PathVariable String store, @PathVariable UUID distributionId,
            @RequestParam(required = false) @Pattern(regexp = "GIVEN|SKIPPED|PENDING") @Nullable String outcome,
            HttpServletResponse response) throws IOException {
        SqlPage order = SqlPage.everyRow("addedAt,asc", GiftList.DISTRIBUTION_MEMBER_SORTABLE,
                GiftList.DISTRIBUTION_MEMBER_TIE_BREAKER);
        exports.write(response, REPORT, sink -> distributions.exportMembers(distributionId, outcome, order, sink));
    }

    @Allow(Permission.GIFT_MANAGE)
    @PostMapping("/{distributionId}/members")
    @Operation(summary = "Add members picked by hand to a draft (those in already stay as they are)",
            description = "409 gift-distribution-started; 422 gift-distribution-member-unknown.")
    GiftViews.DistributionView addGiftDistributionMembers(@PathVariable String store,
            @PathVariable UUID distributionId, @Valid @RequestBody GiftRequests.DistributionMembers added) {
        return distributions.addMembers(distributionId, added.memberIds());
    }

    @Allow(Permission.GIFT_MANAGE)
    @PostMapping("/{distributionId}/members/segment")
    @Operation(summary = "Add the members a segment matches now to a draft (a snapshot)",
            description = "409 gift-distribution-started; 422 gift-distribution-too-many-members.")
    GiftViews.DistributionSegmentResult addGiftDistributionSegment(@PathVariable String store,
            @PathVariable UUID distributionId, @Valid @RequestBody GiftRequests.DistributionSegment added) {
        return distributions.addFromSegment(distributionId, added.segmentId());
    }

    // no `consumes`: a request of the wrong type reaches the permission check first (403 before 415)
    @Allow(Permission.GIFT_MANAGE)
    @PostMapping("/{distributionId}/members/file")
    @Operation(summary = "Add the members an uploaded .csv or .xlsx names by 手机号 and/or 车牌号 (phone first, then"
            + " plate); lines that match nobody come back with their reasons", description = "422 member-file-type,"
                    + " member-file-unreadable, member-file-columns, member-file-empty, member-file-too-long:"
                    + " nothing added; 409 gift-distribution-started.")
    GiftViews.DistributionFileResult addGiftDistributionFile(@PathVariable String store,
            @PathVariable UUID distributionId, @RequestPart("file") MultipartFile file) throws IOException {
        String name = file.getOriginalFilename() == null ? "members" : file.getOriginalFilename();
        List<MemberFile.Line> lines = MemberFile.read(name, file.getBytes(), GiftDistributions.MAX_MEMBERS);
        Locale locale = LocaleContextHolder.getLocale();
        return distributions.addFromFile(distributionId, lines, e -> messages.text(e.detail(), locale));
    }

    @Allow(Permission.GIFT_MANAGE)
    @DeleteMapping("/{distributionId}/members/{memberId}")
    @Operation(summary = "Take a member out of a draft", description = "409 gift-distribution-started.")
    GiftViews.DistributionView removeGiftDistributionMember(@PathVariable String store,
            @PathVariable UUID distributionId, @PathVariable UUID memberId) {
        return distributions.removeMember(distributionId, memberId);
    }

    @Allow(Permission.GIFT_MANAGE)
    @DeleteMapping("/{distributionId}")
    @Operation(summary = "Discard a draft (nothing was given)", description = "409 gift-distribution-started.")
    ResponseEntity<Void> discardGiftDistribution(@PathVariable String store, @PathVariable UUID distributionId) {
        distributions.discard(distributionId);
        return ResponseEntity.noContent().build();
    }

    @Allow(Permission.GIFT_MANAGE)
    @PostMapping("/{distributionId}/start")
    @Operation(summary = "Start a draft after confirming it: the store's job gives the gift once per member, free;"
            + " send If-Match with the version confirmed", description = "409 gift-distribution-started, a stale"
                    + " version; 422 gift-distribution-no-members.")
    GiftViews.DistributionView startGiftDistribution(@PathVariable String store, @PathVariable UUID distributionId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return distributions.start(distributionId, Versions.ifMatch(ifMatch), Caller.currentUsername());
    }
}
