package com.m4s.store.repairorder.dmsimport;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.export.ExcelExports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * File imports from the console (工单导入): DMS repair orders, or customers and their vehicles; upload, progress,
 * rejected rows, history.
 */
@RestController
@RequestMapping("/api/stores/{store}/repair-orders/imports")
@Allow(Permission.REPAIR_ORDER_IMPORT)
@Tag(name = "repair-order-imports", description = "DMS repair orders from a CSV or Excel file, in the background")
class DmsImportController {

    private final DmsImports imports;
    private final ExcelExports exports;

    DmsImportController(DmsImports imports, ExcelExports exports) {
        this.imports = imports;
        this.exports = exports;
    }

    // no `consumes`: a request of the wrong type reaches the permission check first (403 before 415)
    @PostMapping
    @Operation(summary = "Upload a .csv or .xlsx file of repair order lines (layout: the template); 202 with the"
            + " import, which runs in the background", description = "The file is read at once: 422 dms-file-columns"
            + " when a required column is missing, dms-file-type for another kind of file, dms-file-empty,"
            + " dms-file-too-long. Rows are grouped by 工单号 and each order goes through the REST batch's upsert.")
    ResponseEntity<DmsImportViews.ImportSummary> upload(@PathVariable String store,
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "what the file holds: repair order lines (the default) or customers and their"
                    + " vehicles") @RequestParam(defaultValue = "REPAIR_ORDERS") ImportKind kind) throws IOException {
        String name = file.getOriginalFilename() == null ? "import" : file.getOriginalFilename();
        String actor = Caller.currentUsername();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(imports.start(name, file.getBytes(), kind, actor));
    }

    @GetMapping
    @Operation(summary = "The store's imports, newest first, with their counts")
    PageResult<DmsImportViews.ImportSummary> list(@PathVariable String store,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        return imports.page(SqlPage.of(page, size, sort, DmsImports.SORTABLE, DmsImports.TIE_BREAKER));
    }

    @GetMapping("/{importId}")
    @Operation(summary = "An import's progress (rows done of total; orders created, corrected, unchanged,"
            + " rejected) and its rejected rows with the reason in the caller's language")
    DmsImportViews.ImportView get(@PathVariable String store, @PathVariable UUID importId) {
        return imports.view(importId, LocaleContextHolder.getLocale());
    }

    @GetMapping(value = "/{importId}/rejected", produces = ExcelExports.XLSX)
    @Operation(summary = "An import's rejected rows as an Excel file: row, order number, reason")
    @ApiResponse(responseCode = "200", description = "the .xlsx file",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void rejected(@PathVariable String store, @PathVariable UUID importId, HttpServletResponse response)
            throws IOException {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        imports.summary(importId);
        exports.write(response, DmsImports.REJECTED,
                sink -> imports.eachRejectedInTransaction(importId, locale, sink));
    }

    @GetMapping(value = "/template.xlsx", produces = ExcelExports.XLSX)
    @Operation(summary = "The import file's template as Excel: the columns with Chinese headers and a sample order")
    @ApiResponse(responseCode = "200", description = "the .xlsx file",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> templateXlsx(@PathVariable String store,
            @RequestParam(defaultValue = "REPAIR_ORDERS") ImportKind kind) {
        return template(DmsTemplates.xlsx(kind), MediaType.parseMediaType(ExcelExports.XLSX), "xlsx", kind);
    }

    @GetMapping(value = "/template.csv", produces = "text/csv")
    @Operation(summary = "The import file's template as CSV (UTF-8 with BOM)")
    @ApiResponse(responseCode = "200", description = "the .csv file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> templateCsv(@PathVariable String store,
            @RequestParam(defaultValue = "REPAIR_ORDERS") ImportKind kind) {
        return template(DmsTemplates.csv(kind), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                "csv", kind);
    }

    private static ResponseEntity<byte[]> template(byte[] body, MediaType type, String extension, ImportKind kind) {
        String name = (kind == ImportKind.CUSTOMERS ? "客户与车辆导入模板." : "工单导入模板.") + extension;
        String encoded = java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        String ascii = (kind == ImportKind.CUSTOMERS ? "dms-customer-template." : "dms-import-template.") + extension;
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .body(body);
    }
}
