package com.m4s.store.coupon;

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
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The store's coupon templates as staff manage them (WAL-2): rules, life, issuing, statistics. */
@RestController
@Validated
@RequestMapping("/api/stores/{store}/coupon-templates")
@Allow(Permission.COUPON_VIEW)
@Tag(name = "coupons", description = "Coupon templates: rules, activation, ending, issuing to members or segments,"
        + " statistics (WAL-2); amounts in fen, dates in the store's calendar")
class CouponTemplateController {

    private final Coupons coupons;
    private final ExcelExports exports;

    CouponTemplateController(Coupons coupons, ExcelExports exports) {
        this.coupons = coupons;
        this.exports = exports;
    }

    @GetMapping
    @Operation(summary = "The store's coupon templates, newest first: statuses, kinds, a name (part)")
    PageResult<CouponViews.CouponTemplateView> couponTemplates(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<CouponTemplateStatus> status,
            @RequestParam(required = false) @Nullable List<CouponKind> kind,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        return coupons.list(new CouponTemplateList.Filter(status, kind, search),
                SqlPage.of(page, size, sort, CouponTemplateList.SORTABLE, CouponTemplateList.TIE_BREAKER));
    }

    @GetMapping(value = "/export", produces = ExcelExports.XLSX)
    @Operation(summary = "The template list as an Excel file: every template the list's filters match, in its sort,"
            + " without paging; amounts in yuan, kinds and statuses in the caller's language")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 优惠券_<date>.xlsx",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void couponTemplateExport(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<CouponTemplateStatus> status,
            @RequestParam(required = false) @Nullable List<CouponKind> kind,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(defaultValue = "createdAt,desc") String sort,
            HttpServletResponse response) throws IOException {
        SqlPage order = SqlPage.everyRow(sort, CouponTemplateList.SORTABLE, CouponTemplateList.TIE_BREAKER);
        CouponTemplateList.Filter filter = new CouponTemplateList.Filter(status, kind, search);
        exports.write(response, CouponTemplateList.EXPORT, sink -> coupons.export(filter, order, sink));
    }

    @Allow(Permission.COUPON_MANAGE)
    @PostMapping
    @Operation(summary = "A new template, a draft", description = "422 coupon-template-invalid (a rule its kind"
            + " cannot have, e.g. PERCENT outside 1–99, a threshold not above the value, FREE_ITEM not on ITEMS).")
    ResponseEntity<CouponViews.CouponTemplateView> createCouponTemplate(@PathVariable String store,
            @Valid @RequestBody CouponRequests.CouponTemplateChange change) {
        CouponViews.CouponTemplateView created = coupons.create(change, Caller.currentUsername());
        return ResponseEntity.created(URI.create("/api/stores/" + store + "/coupon-templates/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One template with its stock and the moves allowed now")
    CouponViews.CouponTemplateView couponTemplate(@PathVariable String store, @PathVariable UUID id) {
        return coupons.get(id);
    }

    @Allow(Permission.COUPON_MANAGE)
    @PutMapping("/{id}")
    @Operation(summary = "Change a template; send If-Match with the version read", description = "A draft: every"
            + " rule; an active one: name, description and a larger stock (409 coupon-template-rules-locked, 422"
            + " coupon-template-stock-down); an ended one: nothing (409 coupon-template-illegal-move).")
    CouponViews.CouponTemplateView changeCouponTemplate(@PathVariable String store, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody CouponRequests.CouponTemplateChange change) {
        return coupons.update(id, change, Versions.ifMatch(ifMatch));
    }

    @Allow(Permission.COUPON_MANAGE)
    @PostMapping("/{id}/activation")
    @Operation(summary = "Activate a draft: its coupons may be issued and claimed; send If-Match")
    CouponViews.CouponTemplateView activateCouponTemplate(@PathVariable String store, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return coupons.activate(id, Versions.ifMatch(ifMatch));
    }

    @Allow(Permission.COUPON_MANAGE)
    @PostMapping("/{id}/ending")
    @Operation(summary = "End an active template: no more hand-outs, coupons held stay usable; send If-Match")
    CouponViews.CouponTemplateView endCouponTemplate(@PathVariable String store, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return coupons.end(id, Versions.ifMatch(ifMatch));
    }

    @Allow(Permission.COUPON_ISSUE)
    @PostMapping("/{id}/issues")
    @Operation(summary = "Issue a coupon to one member (memberId) or to a segment's members (segmentId); send an"
            + " Idempotency-Key: a repeat is the same batch and issues nobody twice", description = "Members over"
                    + " the per-member limit or after the stock ran out are skipped and counted. 422"
                    + " coupon-issue-target, coupon-member-unknown; 409 coupon-template-illegal-move (not active),"
                    + " coupon-template-over.")
    CouponViews.CouponIssueResult issueCoupons(@PathVariable String store, @PathVariable UUID id,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody CouponRequests.CouponIssue issue) {
        Caller caller = Caller.current().orElseThrow();
        return coupons.issue(id, issue, Coupons.batchId(id, caller.subject(), key), caller.username());
    }

    @GetMapping("/{id}/statistics")
    @Operation(summary = "A template's figures: issued, claimed, used, expired, available, discount given and"
            + " revenue of the orders that used them (fen), and per store day claimed/issued/used")
    CouponViews.CouponStatisticsView couponStatistics(@PathVariable String store, @PathVariable UUID id,
            @RequestParam(defaultValue = "30") @Min(1) @Max(366) int days) {
        return coupons.statistics(id, days);
    }
}
