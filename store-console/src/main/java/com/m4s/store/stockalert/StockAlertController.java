package com.m4s.store.stockalert;

import com.m4s.platform.security.Allow;
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
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The store's stock alerts in the console (MALL-3, GIFT-1): the list, its export and the slow-moving rule. */
@RestController
@Validated
@RequestMapping("/api/stores/{store}")
@Allow(Permission.MALL_VIEW)
@Tag(name = "stock-alerts", description = "Low-stock and slow-moving alerts of the mall's products and the gift"
        + " warehouse, raised and cleared by the per-store job stock-alerts, and the store's slow-moving rule")
class StockAlertController {

    /** The alert list as an Excel file. */
    static final ExcelTable<StockAlertViews.StockAlertView> EXPORT = ExcelTable.of("stockAlerts",
            ExcelColumn.dateTime("raisedAt", StockAlertViews.StockAlertView::raisedAt),
            ExcelColumn.text("alertKind", a -> Problems.message("export.stockAlerts.alertKind." + a.alertKind())),
            ExcelColumn.text("itemKind", a -> Problems.message("export.stockAlerts.itemKind." + a.itemKind())),
            ExcelColumn.text("itemName", StockAlertViews.StockAlertView::itemName),
            ExcelColumn.text("spec", StockAlertViews.StockAlertView::spec),
            ExcelColumn.integer("stock", StockAlertViews.StockAlertView::stock),
            ExcelColumn.integer("lowStockAt", StockAlertViews.StockAlertView::lowStockAt),
            ExcelColumn.dateTime("lastSoldAt", StockAlertViews.StockAlertView::lastSoldAt),
            ExcelColumn.integer("idleDays", StockAlertViews.StockAlertView::idleDays),
            ExcelColumn.integer("notified", StockAlertViews.StockAlertView::notified),
            ExcelColumn.dateTime("clearedAt", StockAlertViews.StockAlertView::clearedAt));

    private final StockAlerts alerts;
    private final StockAlertSettings settings;
    private final ExcelExports exports;

    StockAlertController(StockAlerts alerts, StockAlertSettings settings, ExcelExports exports) {
        this.alerts = alerts;
        this.settings = settings;
        this.exports = exports;
    }

    @GetMapping("/stock-alerts")
    @Operation(summary = "Open stock alerts (or, with cleared=true, those whose condition ended), newest first:"
            + " kinds of alert, products or gifts, an item's name (part)")
    PageResult<StockAlertViews.StockAlertView> stockAlerts(@PathVariable String store,
            @RequestParam(defaultValue = "false") boolean cleared,
            @RequestParam(required = false) @Nullable List<StockAlertKind> alertKind,
            @RequestParam(required = false) @Nullable StockItemKind itemKind,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "raisedAt,desc") String sort) {
        return alerts.alerts(new StockAlertList.Filter(cleared, alertKind, itemKind, search),
                SqlPage.of(page, size, sort, StockAlertList.SORTABLE, StockAlertList.TIE_BREAKER));
    }

    @GetMapping(value = "/stock-alerts/export", produces = ExcelExports.XLSX)
    @Operation(summary = "The stock alert list as an Excel file: every alert the list's filters match, in its sort;"
            + " texts in the caller's language")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 库存预警_<date>.xlsx",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void exportStockAlerts(@PathVariable String store,
            @RequestParam(defaultValue = "false") boolean cleared,
            @RequestParam(required = false) @Nullable List<StockAlertKind> alertKind,
            @RequestParam(required = false) @Nullable StockItemKind itemKind,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(defaultValue = "raisedAt,desc") String sort,
            HttpServletResponse response) throws IOException {
        SqlPage order = SqlPage.everyRow(sort, StockAlertList.SORTABLE, StockAlertList.TIE_BREAKER);
        StockAlertList.Filter filter = new StockAlertList.Filter(cleared, alertKind, itemKind, search);
        exports.write(response, EXPORT, sink -> alerts.export(filter, order, sink));
    }

    @GetMapping("/stock-alert-settings")
    @Operation(summary = "The store's slow-moving rule: whether slow-moving alerts are raised, after how many days"
            + " without a sale")
    StockAlertSettings.StockAlertSettingsView stockAlertSettings(@PathVariable String store) {
        return settings.view();
    }

    @Allow(Permission.MALL_MANAGE)
    @PutMapping("/stock-alert-settings")
    @Operation(summary = "Change the slow-moving rule (7 to 365 days); send If-Match with the version read. The"
            + " alerts follow the new rule at the job's next run, soon after")
    StockAlertSettings.StockAlertSettingsView changeStockAlertSettings(@PathVariable String store,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody StockAlertSettings.StockAlertSettingsChange change) {
        return settings.change(change, Versions.ifMatch(ifMatch));
    }
}
