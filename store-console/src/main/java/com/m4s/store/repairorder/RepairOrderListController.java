package com.m4s.store.repairorder;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.store.export.ExcelExports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff's list of repair orders with the points each produced, and its Excel export. */
@RestController
@RequestMapping("/api/stores/{store}/repair-orders")
@Allow(Permission.REPAIR_ORDER_VIEW)
@Tag(name = "repair-orders")
class RepairOrderListController {

    private final RepairOrderList list;
    private final ExcelExports exports;

    RepairOrderListController(RepairOrderList list, ExcelExports exports) {
        this.list = list;
        this.exports = exports;
    }

    @GetMapping
    @Operation(summary = "List repair orders, newest opened first: filtered by status, paying account, settlement"
            + " time and advisor; q searches order number, plate, member name and phone; each with its member's"
            + " name, total and the points its lines produced so far")
    PageResult<RepairOrderList.RepairOrderSummary> list(@PathVariable String store,
            @Valid @ParameterObject RepairOrderQuery query) {
        return list.page(query);
    }

    @GetMapping(value = "/export", produces = ExcelExports.XLSX)
    @Operation(summary = "The repair order list as an Excel file: every order the list's filters match, in its sort,"
            + " without paging; headers, statuses and accounts in the caller's language, times in the store's zone")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 维修工单_<date>.xlsx"
            + " (Repair orders_<date>.xlsx)",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void export(@PathVariable String store, @Valid @ParameterObject RepairOrderQuery query,
            HttpServletResponse response) throws IOException {
        exports.write(response, RepairOrderList.EXPORT, sink -> list.each(query, sink));
    }
}
