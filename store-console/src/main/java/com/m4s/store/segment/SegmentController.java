package com.m4s.store.segment;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
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
import org.springframework.web.bind.annotation.RestController;

/** Saved segments of members (会员分群, MEM-4): rules combined with AND, counted and listed as the data is now. */
@RestController
@Validated
@RequestMapping("/api/stores/{store}/segments")
@Allow(Permission.SEGMENT_VIEW)
@Tag(name = "segments", description = "Saved member segments: rules (card level, points, last visit, vehicle,"
        + " birthday month, source, tag, advisor) combined with AND, evaluated on every read (MEM-4)")
class SegmentController {

    private final Segments segments;
    private final ExcelExports exports;

    SegmentController(Segments segments, ExcelExports exports) {
        this.segments = segments;
        this.exports = exports;
    }

    @GetMapping
    @Operation(summary = "The store's segments, each with how many members match it now; q matches the name")
    PageResult<SegmentViews.SegmentView> list(@PathVariable String store,
            @RequestParam(required = false) @Size(max = 64) @Nullable String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "name,asc") String sort) {
        return segments.list(q, SqlPage.of(page, size, sort, SegmentQuery.SORTABLE, SegmentQuery.TIE_BREAKER));
    }

    @GetMapping(value = "/export", produces = ExcelExports.XLSX)
    @Operation(summary = "The list of segments as an Excel file (name, members now, author, last change)")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 会员分群_<date>.xlsx",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void export(@PathVariable String store, @RequestParam(required = false) @Size(max = 64) @Nullable String q,
            @RequestParam(defaultValue = "name,asc") String sort, HttpServletResponse response) throws IOException {
        SqlPage order = SqlPage.everyRow(sort, SegmentQuery.SORTABLE, SegmentQuery.TIE_BREAKER);
        exports.write(response, SegmentQuery.EXPORT, sink -> segments.export(q, order, sink));
    }

    @PostMapping("/preview")
    @Operation(summary = "The members rules not saved yet match now (the editor's live count and preview);"
            + " 422 segment-rule-* for a rule that cannot be evaluated")
    PageResult<SegmentViews.SegmentMemberView> preview(@PathVariable String store,
            @Valid @RequestBody SegmentRequests.SegmentPreviewRequest request,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "10") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "name,asc") String sort) {
        return segments.preview(request.rules(), SqlPage.of(page, size, sort, SegmentQuery.MEMBER_SORTABLE,
                SegmentQuery.MEMBER_TIE_BREAKER));
    }

    @GetMapping("/{segmentId}")
    @Operation(summary = "One segment with its rules and how many members match it now")
    SegmentViews.SegmentView get(@PathVariable String store, @PathVariable UUID segmentId) {
        return segments.get(segmentId);
    }

    @GetMapping("/{segmentId}/members")
    @Operation(summary = "The members the segment matches now, with card level, points, last visit and tags")
    PageResult<SegmentViews.SegmentMemberView> members(@PathVariable String store, @PathVariable UUID segmentId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "name,asc") String sort) {
        return segments.members(segmentId, SqlPage.of(page, size, sort, SegmentQuery.MEMBER_SORTABLE,
                SegmentQuery.MEMBER_TIE_BREAKER));
    }

    @Allow(Permission.MEMBER_EXPORT)
    @GetMapping(value = "/{segmentId}/members/export", produces = ExcelExports.XLSX)
    @Operation(summary = "The segment's members now as an Excel file (names and phones: MEMBER_EXPORT)")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 分群会员_<date>.xlsx",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void exportMembers(@PathVariable String store, @PathVariable UUID segmentId,
            @RequestParam(defaultValue = "name,asc") String sort, HttpServletResponse response) throws IOException {
        SqlPage order = SqlPage.everyRow(sort, SegmentQuery.MEMBER_SORTABLE, SegmentQuery.MEMBER_TIE_BREAKER);
        segments.get(segmentId);
        exports.write(response, SegmentQuery.MEMBER_EXPORT, sink -> segments.exportMembers(segmentId, order, sink));
    }

    @Allow(Permission.SEGMENT_MANAGE)
    @PostMapping
    @Operation(summary = "Save a segment; 422 segment-rule-* for a rule that cannot be evaluated, 409"
            + " segment-name-taken")
    ResponseEntity<SegmentViews.SegmentView> create(@PathVariable String store,
            @Valid @RequestBody SegmentRequests.SegmentChange change) {
        SegmentViews.SegmentView created = segments.create(change, Caller.currentUsername());
        return ResponseEntity.created(URI.create("/api/stores/" + store + "/segments/" + created.id()))
                .body(created);
    }

    @Allow(Permission.SEGMENT_MANAGE)
    @PutMapping("/{segmentId}")
    @Operation(summary = "Change a segment's name and rules; send If-Match with the version read")
    SegmentViews.SegmentView edit(@PathVariable String store, @PathVariable UUID segmentId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody SegmentRequests.SegmentChange change) {
        return segments.edit(segmentId, change, Versions.ifMatch(ifMatch));
    }

    @Allow(Permission.SEGMENT_MANAGE)
    @DeleteMapping("/{segmentId}")
    @Operation(summary = "Delete a segment (campaigns that took its members keep them)")
    ResponseEntity<Void> delete(@PathVariable String store, @PathVariable UUID segmentId) {
        segments.delete(segmentId);
        return ResponseEntity.noContent().build();
    }
}
