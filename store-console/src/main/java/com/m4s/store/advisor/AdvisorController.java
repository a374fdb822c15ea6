package com.m4s.store.advisor;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.export.ExcelExports;
import com.m4s.store.staff.Staff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff's side of advisors (MEM-3): the directory, profiles, members' advisors, moves and performance. */
@RestController
@RequestMapping("/api/stores/{store}/advisors")
@Allow(Permission.ADVISOR_VIEW)
@Tag(name = "advisors", description = "Advisors, their customers, ratings and performance (MEM-3)")
class AdvisorController {

    private final Advisors advisors;
    private final AdvisorBook book;
    private final AdvisorPerformance performance;
    private final ExcelExports exports;
    private final Clock clock;

    AdvisorController(Advisors advisors, AdvisorBook book, AdvisorPerformance performance, ExcelExports exports,
            Clock clock) {
        this.advisors = advisors;
        this.book = book;
        this.performance = performance;
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The advisor directory: staff of the service and sales departments and anyone with a"
            + " profile, with phone, photo and how many customers each has")
    List<AdvisorViews.AdvisorEntry> directory(@PathVariable String store) {
        return advisors.directory();
    }

    @Allow(Permission.ADVISOR_MANAGE)
    @PutMapping("/{username}/profile")
    @Operation(summary = "Keep an advisor's profile: phone shown to owners, photo, the name the DMS writes on repair"
            + " orders (ratings of those orders go to this advisor), whether they take customers")
    AdvisorViews.AdvisorEntry saveProfile(@PathVariable String store, @PathVariable String username,
            @Valid @RequestBody AdvisorViews.AdvisorProfileChange change) {
        return advisors.saveProfile(username, change);
    }

    @GetMapping("/{username}/customers")
    @Operation(summary = "An advisor's customers now (their book): name, phone, plates and since when; `q` searches"
            + " name, phone or plate. An unknown username has an empty book")
    PageResult<AdvisorViews.AdvisorCustomer> customers(@PathVariable String store, @PathVariable String username,
            @RequestParam(required = false) @Nullable @jakarta.validation.constraints.Size(max = 64) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "boundAt,desc") String sort) {
        return book.page(username, q, SqlPage.of(page, size, sort, AdvisorBook.SORTABLE, AdvisorBook.TIE_BREAKER));
    }

    @Allow(Permission.MEMBER_EXPORT)
    @GetMapping(value = "/{username}/customers/export", produces = ExcelExports.XLSX)
    @Operation(summary = "An advisor's customers as an Excel file: every one `q` matches, in the list's sort, without"
            + " paging; headers in the caller's language, times in the store's zone")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 顾问客户_<date>.xlsx",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void exportCustomers(@PathVariable String store, @PathVariable String username,
            @RequestParam(required = false) @Nullable @jakarta.validation.constraints.Size(max = 64) String q,
            @RequestParam(defaultValue = "boundAt,desc") String sort,
            HttpServletResponse response) throws IOException {
        SqlPage order = SqlPage.everyRow(sort, AdvisorBook.SORTABLE, AdvisorBook.TIE_BREAKER);
        exports.write(response, AdvisorBook.EXPORT, sink -> book.each(username, q, order, sink));
    }

    @GetMapping("/members/{memberId}")
    @Operation(summary = "A member's advisor; 204 when the member has none")
    ResponseEntity<AdvisorViews.MemberAdvisor> ofMember(@PathVariable String store, @PathVariable UUID memberId) {
        return advisors.ofMember(memberId).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @Allow(Permission.MEMBER_EDIT)
    @PutMapping("/members/{memberId}")
    @Operation(summary = "Bind a member to an advisor (from the member page); moves them if they had another")
    AdvisorViews.MemberAdvisor bind(@PathVariable String store, @PathVariable UUID memberId,
            @Valid @RequestBody AdvisorViews.AdvisorBindingRequest request) {
        return advisors.bind(memberId, request.advisor());
    }

    @Allow(Permission.ADVISOR_MANAGE)
    @PostMapping("/moves")
    @Operation(summary = "Move a book of customers from one advisor to another: the members named, or all of them;"
            + " one audit entry and one CustomerBound event per member moved")
    AdvisorViews.AdvisorMoveResult move(@PathVariable String store, @Valid @RequestBody AdvisorViews.AdvisorMove move) {
        return advisors.move(move);
    }

    @GetMapping("/performance")
    @Operation(summary = "Performance per advisor: customers bound now, referrals (members recorded as brought in"
            + " by the advisor, all time), average rating and count, and net points earned by their customers from `from` to `to`"
            + " (default: the last 30 days)")
    PageResult<AdvisorViews.AdvisorPerformanceRow> performance(@PathVariable String store,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "customers,desc") String sort) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(30, ChronoUnit.DAYS) : from;
        PageResult<AdvisorPerformance.Row> rows = performance.page(start, end,
                SqlPage.of(page, size, sort, AdvisorPerformance.SORTABLE, AdvisorPerformance.TIE_BREAKER));
        var naming = AdvisorPerformance.naming(names());
        return new PageResult<>(rows.content().stream().map(naming).toList(), rows.page(), rows.size(),
                rows.totalElements(), rows.totalPages());
    }

    @GetMapping(value = "/performance/export", produces = ExcelExports.XLSX)
    @Operation(summary = "The performance list as an Excel file, for the same period and sort, without paging")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 顾问业绩_<date>.xlsx",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void export(@PathVariable String store,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(defaultValue = "customers,desc") String sort,
            HttpServletResponse response) throws IOException {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(30, ChronoUnit.DAYS) : from;
        SqlPage order = SqlPage.everyRow(sort, AdvisorPerformance.SORTABLE, AdvisorPerformance.TIE_BREAKER);
        var naming = AdvisorPerformance.naming(names());
        exports.write(response, AdvisorPerformance.EXPORT,
                sink -> performance.each(start, end, order, row -> sink.accept(naming.apply(row))));
    }

    private Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        for (Staff.StaffEntry login : advisors.logins().values()) {
            names.put(login.username(), login.displayName());
        }
        return names;
    }
}
