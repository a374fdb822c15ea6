package com.m4s.store.usedcar;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff's side of consignment: the review queue, the expert review, and the listing's life (UCAR-1..3). Every move
 * needs {@link Permission#USED_CAR_MANAGE}; reading needs only {@link Permission#USED_CAR_VIEW}.
 */
@RestController
@RequestMapping("/api/stores/{store}/used-cars")
@Allow(Permission.USED_CAR_MANAGE)
@Tag(name = "used-cars", description = "Consigned used cars: review and listing (UCAR-1..3)")
class UsedCarController {

    private final UsedCarService cars;
    private final ExcelExports exports;

    UsedCarController(UsedCarService cars, ExcelExports exports) {
        this.cars = cars;
        this.exports = exports;
    }

    @Allow(Permission.USED_CAR_VIEW)
    @GetMapping
    @Operation(summary = "Consigned cars, newest submission first; status filters (e.g. SUBMITTED for the review"
            + " queue), q matches make, model or city")
    PageResult<UsedCarViews.UsedCarSummary> list(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<UsedCarStatus> status,
            @RequestParam(required = false) @Size(max = 64) @Nullable String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "submittedAt,desc") String sort) {
        return cars.list(status, q, SqlPage.of(page, size, sort, UsedCarList.SORTABLE, UsedCarList.TIE_BREAKER));
    }

    @Allow(Permission.USED_CAR_VIEW)
    @GetMapping(value = "/export", produces = ExcelExports.XLSX)
    @Operation(summary = "The list of consigned cars as an Excel file: every car the list's status and q match, in"
            + " its sort, without paging; headers and statuses in the caller's language, times in the store's zone")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 二手车_<date>.xlsx (Used cars_<date>.xlsx)",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void export(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<UsedCarStatus> status,
            @RequestParam(required = false) @Size(max = 64) @Nullable String q,
            @RequestParam(defaultValue = "submittedAt,desc") String sort,
            HttpServletResponse response) throws IOException {
        SqlPage order = SqlPage.everyRow(sort, UsedCarList.SORTABLE, UsedCarList.TIE_BREAKER);
        exports.write(response, UsedCarList.EXPORT, sink -> cars.export(status, q, order, sink));
    }

    @PostMapping
    @Operation(summary = "Submit a car for sale on behalf of a member")
    ResponseEntity<UsedCarViews.UsedCarView> submit(@PathVariable String store,
            @Valid @RequestBody UsedCarRequests.StaffSubmission submission) {
        UsedCarViews.UsedCarView created = cars.submitFor(submission.memberId(), submission.car(), Caller.currentUsername());
        return ResponseEntity.created(URI.create("/api/stores/" + store + "/used-cars/" + created.id()))
                .body(created);
    }

    @Allow(Permission.USED_CAR_VIEW)
    @GetMapping("/{usedCarId}")
    @Operation(summary = "A consigned car with its review and listing, and the moves allowed now")
    UsedCarViews.UsedCarView get(@PathVariable String store, @PathVariable UUID usedCarId) {
        return cars.get(usedCarId);
    }

    @PutMapping("/{usedCarId}")
    @Operation(summary = "Correct the car's details while it waits for review", description = "Send If-Match with"
            + " the car's version as read (\"4\"): if the car changed since, nothing is written and the answer is"
            + " 409 concurrent-update.")
    UsedCarViews.UsedCarView edit(@PathVariable String store, @PathVariable UUID usedCarId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody UsedCarDetails details) {
        return cars.edit(usedCarId, Versions.ifMatch(ifMatch), details);
    }

    @PostMapping("/{usedCarId}/approve")
    @Operation(summary = "Expert review: approve and list the car with a condition report and asking price")
    UsedCarViews.UsedCarView approve(@PathVariable String store, @PathVariable UUID usedCarId,
            @Valid @RequestBody UsedCarRequests.Approval approval) {
        return cars.approve(usedCarId, approval, Caller.currentUsername());
    }

    @PostMapping("/{usedCarId}/request-changes")
    @Operation(summary = "Expert review: ask the owner to change something, then resubmit")
    UsedCarViews.UsedCarView requestChanges(@PathVariable String store, @PathVariable UUID usedCarId,
            @Valid @RequestBody UsedCarRequests.Note note) {
        return cars.requestChanges(usedCarId, note, Caller.currentUsername());
    }

    @PostMapping("/{usedCarId}/reject")
    @Operation(summary = "Expert review: refuse the car, with the reason")
    UsedCarViews.UsedCarView reject(@PathVariable String store, @PathVariable UUID usedCarId,
            @Valid @RequestBody UsedCarRequests.Note reason) {
        return cars.reject(usedCarId, reason, Caller.currentUsername());
    }

    @PutMapping("/{usedCarId}/listing")
    @Operation(summary = "Change a listed car's asking price or condition report", description = "Send If-Match"
            + " with the car's version as read (\"4\"): if the car changed since, nothing is written and the answer"
            + " is 409 concurrent-update.")
    UsedCarViews.UsedCarView updateListing(@PathVariable String store, @PathVariable UUID usedCarId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody UsedCarRequests.Approval listing) {
        return cars.updateListing(usedCarId, Versions.ifMatch(ifMatch), listing);
    }

    @PostMapping("/{usedCarId}/reserve")
    @Operation(summary = "Reserve a listed car for a buyer")
    UsedCarViews.UsedCarView reserve(@PathVariable String store, @PathVariable UUID usedCarId,
            @Valid @RequestBody UsedCarRequests.Reservation reservation) {
        return cars.reserve(usedCarId, reservation);
    }

    @PostMapping("/{usedCarId}/release")
    @Operation(summary = "Cancel a reservation: the car is listed again")
    UsedCarViews.UsedCarView release(@PathVariable String store, @PathVariable UUID usedCarId) {
        return cars.release(usedCarId);
    }

    @PostMapping("/{usedCarId}/sell")
    @Operation(summary = "Mark a listed or reserved car sold")
    UsedCarViews.UsedCarView sell(@PathVariable String store, @PathVariable UUID usedCarId,
            @Valid @RequestBody UsedCarRequests.Sale sale) {
        return cars.sell(usedCarId, sale);
    }

    @PostMapping("/{usedCarId}/withdraw")
    @Operation(summary = "Withdraw the car from sale")
    UsedCarViews.UsedCarView withdraw(@PathVariable String store, @PathVariable UUID usedCarId,
            @Valid @RequestBody UsedCarRequests.Withdrawal withdrawal) {
        return cars.withdraw(usedCarId, withdrawal);
    }
}
