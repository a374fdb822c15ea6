package com.m4s.store.mall;

import com.m4s.platform.idempotency.LedgerKeys;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Parts ordered for customers in the console (配件预订, MALL-3): the list and its export, an order, recording one for a
 * member, and its steps — arrived (the owner and the advisor are told), handed over, cancelled with a reason.
 */
@RestController
@Validated
@RequestMapping("/api/stores/{store}/part-orders")
@Allow(Permission.MALL_VIEW)
@Tag(name = "part-orders", description = "Parts ordered for customers: record, arrival, hand-over, cancellation")
class PartOrderController {

    private static final String MOVE = "Send If-Match with the order's version as read (\"2\"): if it changed since,"
            + " nothing is written and the answer is 409 concurrent-update. 409 part-order-move-not-allowed.";

    private final PartOrders orders;
    private final ExcelExports exports;

    PartOrderController(PartOrders orders, ExcelExports exports) {
        this.orders = orders;
        this.exports = exports;
    }

    @GetMapping
    @Operation(summary = "Parts ordered for customers, newest first: statuses, recorded from and to a day (the store's),"
            + " an order number, a member's name or phone, a part's name or number (part)")
    PageResult<PartOrderViews.PartOrderRow> partOrders(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<PartOrderStatus> status,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        return orders.orders(orders.filter(status, search, from, to),
                SqlPage.of(page, size, sort, PartOrderList.SORTABLE, PartOrderList.TIE_BREAKER));
    }

    @GetMapping(value = "/export", produces = ExcelExports.XLSX)
    @Operation(summary = "The list of part orders as an Excel file: every order the list's filters match, in its sort,"
            + " without paging; headers and statuses in the caller's language, times in the store's zone")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 配件预订_<date>.xlsx (Part orders_<date>.xlsx)",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void exportPartOrders(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<PartOrderStatus> status,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "createdAt,desc") String sort,
            HttpServletResponse response) throws IOException {
        SqlPage order = SqlPage.everyRow(sort, PartOrderList.SORTABLE, PartOrderList.TIE_BREAKER);
        PartOrderList.Filter filter = orders.filter(status, search, from, to);
        exports.write(response, PartOrderList.EXPORT, sink -> orders.export(filter, order, sink));
    }

    @GetMapping("/{partOrderId}")
    @Operation(summary = "One part order with each step and the moves allowed now")
    PartOrderViews.PartOrderView partOrder(@PathVariable String store, @PathVariable UUID partOrderId) {
        return orders.view(partOrderId);
    }

    @Allow(Permission.MALL_MANAGE)
    @PostMapping
    @Operation(summary = "Record a part ordered for a member (the member's advisor now is kept); send an"
            + " Idempotency-Key", description = "422 part-order-member-unknown, part-order-vehicle-not-members,"
                    + " part-order-deposit-above-price; 409 part-order-key-reused.")
    ResponseEntity<PartOrderViews.PartOrderView> recordPartOrder(@PathVariable String store,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody PartOrderRequests.NewPartOrder order) {
        PartOrderViews.PartOrderView recorded = orders.record(order, LedgerKeys.of("part-order", key),
                Caller.currentUsername());
        return ResponseEntity.created(URI.create("/api/stores/" + store + "/part-orders/" + recorded.id()))
                .body(recorded);
    }

    @Allow(Permission.MALL_MANAGE)
    @PostMapping("/{partOrderId}/arrival")
    @Operation(summary = "The part came in: the owner is texted (if they want it) and the member's advisor told",
            description = MOVE)
    PartOrderViews.PartOrderView arrivePartOrder(@PathVariable String store, @PathVariable UUID partOrderId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return orders.arrive(partOrderId, Versions.ifMatch(ifMatch), Caller.currentUsername());
    }

    @Allow(Permission.MALL_MANAGE)
    @PostMapping("/{partOrderId}/hand-over")
    @Operation(summary = "The customer took the arrived part", description = MOVE)
    PartOrderViews.PartOrderView handOverPartOrder(@PathVariable String store, @PathVariable UUID partOrderId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return orders.handOver(partOrderId, Versions.ifMatch(ifMatch), Caller.currentUsername());
    }

    @Allow(Permission.MALL_MANAGE)
    @PostMapping("/{partOrderId}/cancellation")
    @Operation(summary = "Call the order off before the customer took it (the supplier cannot deliver, the customer"
            + " declines), with the reason", description = MOVE)
    PartOrderViews.PartOrderView cancelPartOrder(@PathVariable String store, @PathVariable UUID partOrderId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody PartOrderRequests.PartOrderCancellation cancellation) {
        return orders.cancel(partOrderId, Versions.ifMatch(ifMatch), cancellation.reason(), Caller.currentUsername());
    }
}
