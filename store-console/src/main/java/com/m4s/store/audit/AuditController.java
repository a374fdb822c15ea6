package com.m4s.store.audit;

import com.m4s.platform.audit.AuditQuery;
import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.store.export.ExcelExports;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "audit", description = "Who changed what, when and from where (PERM-2); read-only")
class AuditController {

    private final AuditList list;
    private final ExcelExports exports;

    AuditController(AuditList list, ExcelExports exports) {
        this.list = list;
        this.exports = exports;
    }

    @GetMapping("/api/stores/{store}/audit")
    @Allow(Permission.AUDIT_VIEW)
    @Operation(summary = "Audit entries, newest first, filtered by entity, actor, action and time, with the actor's"
            + " name and the names of the objects they changed")
    PageResult<AuditRecord> list(@PathVariable String store, @Valid @ParameterObject AuditQuery query) {
        return list.page(query);
    }

    @GetMapping(value = "/api/stores/{store}/audit/export", produces = ExcelExports.XLSX)
    @Allow(Permission.AUDIT_VIEW)
    @Operation(summary = "The audit log as an Excel file: every entry the list's filters match (page and size aside),"
            + " newest first; the actor, action and kind of object in the caller's language, times in the store's zone")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 操作日志_<date>.xlsx (Audit log_<date>.xlsx)",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void export(@PathVariable String store, @Valid @ParameterObject AuditQuery query, HttpServletResponse response)
            throws IOException {
        exports.write(response, AuditExport.TABLE, sink -> list.each(query, sink));
    }

    @GetMapping("/api/stores/{store}/audit/actors")
    @Allow(Permission.AUDIT_VIEW)
    @Operation(summary = "Everyone who changed the store's data (at most 200, the most recent first): the options of"
            + " the actor filter")
    List<AuditActor> actors(@PathVariable String store) {
        return list.actors();
    }
}
