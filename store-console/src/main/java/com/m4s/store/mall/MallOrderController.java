package com.m4s.store.mall;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Problems;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import com.m4s.store.export.ExcelColumn;
import com.m4s.store.export.ExcelExports;
import com.m4s.store.export.ExcelTable;
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
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
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
 * The mall's orders in the console (MALL-2): the list, an order, and its fulfilment — put at the desk and handed over
 * with the owner's code, or booked for fitting and fitted. Refunds go through the order's payment.
 */
@RestController
@Validated
@RequestMapping("/api/stores/{store}")
@Allow(Permission.MALL_VIEW)
@Tag(name = "mall-orders", description = "The mall's orders: list, detail, fulfilment by pick-up or installation")
class MallOrderController {

    /** The order list as an Excel file: what the list shows, amounts in yuan, words in the caller's language. */
    static final ExcelTable<MallOrderViews.MallOrderRow> EXPORT = ExcelTable.of("mallOrders",
            ExcelColumn.text("number", MallOrderViews.MallOrderRow::number),
            ExcelColumn.dateTime("createdAt", MallOrderViews.MallOrderRow::createdAt),
            ExcelColumn.text("memberName", MallOrderViews.MallOrderRow::memberName),
            ExcelColumn.text("memberPhone", MallOrderViews.MallOrderRow::memberPhone),
            ExcelColumn.text("summary", MallOrderViews.MallOrderRow::summary),
            ExcelColumn.integer("items", MallOrderViews.MallOrderRow::items),
            ExcelColumn.text("fulfilment", o -> Problems.message("export.mallOrders.fulfilment." + o.fulfilment())),
            ExcelColumn.text("status", o -> Problems.message("export.mallOrders.status." + o.status())),
            ExcelColumn.money("grossFen", o -> ProductController.yuan(o.grossFen())),
            ExcelColumn.money("refundedFen", o -> ProductController.yuan(o.refundedFen())));

    private static final String MOVE = "Send If-Match with the order's version as read (\"2\"): if it changed since,"
            + " nothing is written and the answer is 409 concurrent-update.";

    private final MallOrders orders;
    private final ExcelExports exports;

    MallOrderController(MallOrders orders, ExcelExports exports) {
        this.orders = orders;
        this.exports = exports;
    }

    @GetMapping("/mall-orders")
    @Operation(summary = "The mall's orders, newest first: statuses, pick-up or installation, an order number or a"
            + " member's phone or name (part)")
    PageResult<MallOrderViews.MallOrderRow> mallOrders(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<MallOrderStatus> status,
            @RequestParam(required = false) @Nullable Fulfilment fulfilment,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        return orders.orders(new MallOrderList.Filter(status, fulfilment, search),
                SqlPage.of(page, size, sort, MallOrderList.SORTABLE, MallOrderList.TIE_BREAKER));
    }

    @GetMapping(value = "/mall-orders/export", produces = ExcelExports.XLSX)
    @Operation(summary = "The order list as an Excel file: every order the list's filters match, in its sort, without"
            + " paging; amounts in yuan, words in the caller's language")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 商城订单_<date>.xlsx",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void exportMallOrders(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<MallOrderStatus> status,
            @RequestParam(required = false) @Nullable Fulfilment fulfilment,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(defaultValue = "createdAt,desc") String sort,
            HttpServletResponse response) throws IOException {
        SqlPage order = SqlPage.everyRow(sort, MallOrderList.SORTABLE, MallOrderList.TIE_BREAKER);
        MallOrderList.Filter filter = new MallOrderList.Filter(status, fulfilment, search);
        exports.write(response, EXPORT, sink -> orders.exportOrders(filter, order, sink));
    }

    @GetMapping("/mall-orders/{orderId}")
    @Operation(summary = "One order with its lines, its payment's split and each step (the pick-up code is the"
            + " owner's to show)")
    MallOrderViews.MallOrderView mallOrder(@PathVariable String store, @PathVariable UUID orderId) {
        return orders.view(orderId);
    }

    @Allow(Permission.MALL_MANAGE)
    @PostMapping("/mall-orders/{orderId}/ready")
    @Operation(summary = "A paid pick-up order is waiting at the desk", description = MOVE
            + " 409 mall-order-move-not-allowed.")
    MallOrderViews.MallOrderView readyMallOrder(@PathVariable String store, @PathVariable UUID orderId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return orders.ready(orderId, Versions.ifMatch(ifMatch));
    }

    @Allow(Permission.MALL_MANAGE)
    @PostMapping("/mall-orders/{orderId}/schedule")
    @Operation(summary = "Book (or move) the fitting of a paid installation order, with its repair order if known",
            description = MOVE + " 409 mall-order-move-not-allowed.")
    MallOrderViews.MallOrderView scheduleMallOrder(@PathVariable String store, @PathVariable UUID orderId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody MallOrderRequests.Schedule schedule) {
        return orders.schedule(orderId, Versions.ifMatch(ifMatch), schedule.at(), schedule.repairOrderNumber());
    }

    @Allow(Permission.MALL_MANAGE)
    @PostMapping("/mall-orders/{orderId}/pickup")
    @Operation(summary = "Hand a pick-up order over: the code the owner shows", description = MOVE
            + " 409 mall-order-code-wrong, mall-order-move-not-allowed.")
    MallOrderViews.MallOrderView pickUpMallOrder(@PathVariable String store, @PathVariable UUID orderId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody MallOrderRequests.Pickup pickup) {
        return orders.complete(orderId, Versions.ifMatch(ifMatch), pickup.code(), Caller.currentUsername());
    }

    @Allow(Permission.MALL_MANAGE)
    @PostMapping("/mall-orders/{orderId}/installation")
    @Operation(summary = "An installation order was fitted", description = MOVE
            + " 409 mall-order-move-not-allowed.")
    MallOrderViews.MallOrderView installMallOrder(@PathVariable String store, @PathVariable UUID orderId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return orders.complete(orderId, Versions.ifMatch(ifMatch), null, Caller.currentUsername());
    }
}
